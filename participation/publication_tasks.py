"""Who is told of a publication is worked out by a task, not while the editor waits: the visibility rule
runs once per possible recipient, which grows with the staff."""

from __future__ import annotations

from django_tasks import task
from wagtail.models import Page, Revision

from .services.notify import notify_publication


@task()
def notify_publication_later(page_id: int, revision_id: int, first: bool) -> int:
    """Create the notifications (and queue their e-mails) of this publication; returns how many."""
    page = Page.objects.filter(pk=page_id).first()
    revision = Revision.objects.filter(pk=revision_id).first()
    if page is None or revision is None:
        return 0
    return len(notify_publication(page, revision, first=first))
