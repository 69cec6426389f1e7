"""A few notifications waiting for the demo reader, so that the bell and its page show what they do.

Created directly, without e-mails: loading the demo sends nothing. A second run changes nothing.
"""

from django.contrib.auth import get_user_model

from news.models import NewsPage
from participation.models import Notification, NotificationKind

READER_EMAIL = "lecteur@example.org"
LATEST_NEWS = 3


def ensure_demo_notifications() -> int:
    """Notify the demo reader of the latest news they may read; returns how many were created."""
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
