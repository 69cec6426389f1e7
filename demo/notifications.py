"""A few notifications waiting for the demo reader, so that the bell and its page show what they do.

Given once, to the demo reader's account when this load creates it: they are part of the account, like its
password. An account already there gets none, whatever was published since (it may have read about those
pages already), and a demo page created again tells nobody. Created directly, without e-mails.
"""

from django.contrib.auth import get_user_model

from news.models import NewsPage
from participation.models import Notification, NotificationKind

READER_EMAIL = "lecteur@example.org"
LATEST_NEWS = 3


def give_reader_notifications() -> int:
    """Notify the demo reader, just created, of the latest news they may read; returns how many were created."""
    reader = get_user_model().objects.filter(email=READER_EMAIL).first()
    if reader is None:
        return 0
    created = 0
    for news in NewsPage.objects.visible_to(reader).order_by("-date", "-pk")[:LATEST_NEWS]:
        _, was_created = Notification.objects.get_or_create(
            recipient=reader,
            page=news,
            key="demo",
            defaults={"kind": NotificationKind.PUBLICATION, "message": f"Nouvelle publication : « {news.title} »"},
        )
        created += was_created
    return created
