"""When a responsable leaves: the project officers are told, page by page, who answers for it now."""

from __future__ import annotations

from django.utils.translation import gettext as _

from base.visibility import can_view_page
from participation.choices import NotificationKind
from participation.services.notify import create_notifications

from .owners import governed_pages, project_officers, resolve_owners


def tell_officers_of_departure(person_id: int, person_name: str, page_ids: list[int]) -> int:
    """Notify each project officer who may open the page of its new responsable; returns how many were told.

    Read after the departure is saved, so that the fallback chain already passes over the person who left."""
    officers = list(project_officers())
    pages = list(governed_pages().filter(pk__in=page_ids).specific())
    owners = resolve_owners(pages)
    told = 0
    for page in pages:
        owner = owners[page.pk]
        successor = owner.person.full_name if owner.person else _("les chargés de projet")
        message = _("« %(title)s » : %(name)s a quitté le service, la page revient à %(successor)s.") % {
            "title": page.title,
            "name": person_name,
            "successor": successor,
        }
        recipients = [officer for officer in officers if can_view_page(page, officer)]
        told += len(create_notifications(recipients, page, NotificationKind.REVIEW, message[:500], f"left:{person_id}"))
    return told
