"""The needs sheets' participation in the demo: a status history for each, a few supporters and comments.

Written only for the sheets this load created: on an existing sheet, a support withdrawn or a comment deleted
stays so. Rows are bulk-created, without the signals that tell a sheet's author of a decision: loading the demo
notifies nobody.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import strip_tags

from projects.models import NeedComment, NeedsSheetPage, NeedsStatusChange, NeedStatus, NeedSupport

OFFICER_EMAIL = "charge@example.org"
SUPPORTERS = ("lecteur@example.org", "pilote@example.org", "admin@example.org")
COMMENTS = (
    ("lecteur@example.org", "Même constat à l’antenne de Lens : chaque infirmière refait sa propre grille."),
    ("pilote@example.org", "Le groupe peut en parler à sa prochaine réunion ; qui souhaite témoigner ?"),
)
NOT_RETAINED_REASON = "Besoin déjà couvert par un outil existant : l’équipe projet vous oriente vers celui-ci."


def _accounts() -> dict:
    User = get_user_model()
    emails = (OFFICER_EMAIL, *SUPPORTERS)
    return {user.email.lower(): user for user in User.objects.filter(email__in=emails)}


def _at(day: datetime.date, days_later: int) -> datetime.datetime:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))) + datetime.timedelta(days_later)
    return min(moment, timezone.now())


def _history(sheet: NeedsSheetPage, officer) -> list[NeedsStatusChange]:
    """Soumise, then (en étude, then) the current status, a week or three after the sheet's date."""
    submitter = sheet.submitted_by.user if sheet.submitted_by else None
    rows = [
        NeedsStatusChange(sheet=sheet, status=NeedStatus.SUBMITTED, decided_by=submitter, decided_at=_at(sheet.date, 0))
    ]
    if sheet.status != NeedStatus.SUBMITTED:
        rows.append(
            NeedsStatusChange(
                sheet=sheet, status=NeedStatus.UNDER_REVIEW, decided_by=officer, decided_at=_at(sheet.date, 7)
            )
        )
    if sheet.status in (NeedStatus.RETAINED, NeedStatus.NOT_RETAINED):
        reason = strip_tags(sheet.decision).strip() or NOT_RETAINED_REASON
        rows.append(
            NeedsStatusChange(
                sheet=sheet,
                status=sheet.status,
                decided_by=officer,
                decided_at=_at(sheet.date, 21),
                reason=reason if sheet.status == NeedStatus.NOT_RETAINED else "",
            )
        )
    return rows


def ensure_needs_participation(created_ids: set[int]) -> int:
    """Give the sheets just created (page ids) a history, and the first sheets supporters and comments; returns
    rows written."""
    accounts = _accounts()
    officer = accounts.get(OFFICER_EMAIL)
    # Positions are taken among every sheet by date, as on the first load: the first three get supporters.
    sheets = list(NeedsSheetPage.objects.select_related("submitted_by__user").order_by("date", "pk"))
    new = [(position, sheet) for position, sheet in enumerate(sheets) if sheet.pk in created_ids]

    rows = [row for _position, sheet in new for row in _history(sheet, officer)]
    NeedsStatusChange.objects.bulk_create(rows)

    supporters = [accounts[email] for email in SUPPORTERS if email in accounts]
    supports = [
        NeedSupport(sheet=sheet, user=user) for position, sheet in new for user in supporters[: max(3 - position, 0)]
    ]
    NeedSupport.objects.bulk_create(supports)

    authors = [(accounts[email], body) for email, body in COMMENTS if email in accounts]
    comments = [
        NeedComment(sheet=sheet, author=author, body=body)
        for position, sheet in new
        if position < 2
        for author, body in authors
    ]
    NeedComment.objects.bulk_create(comments)
    return len(rows) + len(supports) + len(comments)
