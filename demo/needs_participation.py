"""The needs sheets' participation in the demo: a status history for each, a few supporters and comments.

Rows are bulk-created: loading the demo notifies nobody. A second run changes nothing.
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


def ensure_needs_participation(context=None) -> int:
    """Give every demo sheet a history, and the first sheets supporters and comments; returns rows written."""
    accounts = _accounts()
    sheets = list(NeedsSheetPage.objects.select_related("submitted_by__user").order_by("date", "pk"))
    with_history = set(NeedsStatusChange.objects.values_list("sheet_id", flat=True))
    rows = [
        row for sheet in sheets if sheet.pk not in with_history for row in _history(sheet, accounts.get(OFFICER_EMAIL))
    ]
    NeedsStatusChange.objects.bulk_create(rows)
    written = len(rows)

    supporters = [accounts[email] for email in SUPPORTERS if email in accounts]
    supports = [
        NeedSupport(sheet=sheet, user=user)
        for index, sheet in enumerate(sheets[:3])
        for user in supporters[: 3 - index]
    ]
    existing = set(NeedSupport.objects.values_list("sheet_id", "user_id"))
    new_supports = [support for support in supports if (support.sheet.pk, support.user.pk) not in existing]
    NeedSupport.objects.bulk_create(new_supports)
    written += len(new_supports)

    for sheet in sheets[:2]:
        for email, body in COMMENTS:
            author = accounts.get(email)
            if author is not None and not NeedComment.objects.filter(sheet=sheet, author=author, body=body).exists():
                NeedComment.objects.bulk_create([NeedComment(sheet=sheet, author=author, body=body)])
                written += 1
    return written
