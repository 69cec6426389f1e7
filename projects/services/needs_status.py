"""The path of a needs sheet: soumise → en étude → retenue / non retenue, decided by project officers.

Every decision goes through change_status: it moves the sheet, publishes a new revision of it (search
index and Wagtail history follow) and writes exactly one NeedsStatusChange, all in one transaction.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from accounts.models import User
from base.text import title_slug
from base.visibility import can_view_page

from ..choices import ALLOWED_MOVES, NeedStatus
from ..models import MicroProjectPage, NeedsSheetPage, NeedsStatusChange, WorkingGroupPage
from ..needs_text import clean_text
from ..permissions import can_manage_needs

REASON_MAX_LENGTH = 2000


def record_submission(sheet: NeedsSheetPage, user: User) -> NeedsStatusChange:
    """The first step of the history: the sheet was submitted by this account."""
    return NeedsStatusChange.objects.create(sheet=sheet, status=NeedStatus.SUBMITTED, decided_by=user)


def _publish_field(page, by, **fields) -> None:
    """Publish a new revision of the live page with these fields changed; a pending draft keeps them too.

    A page never published only gets a new draft revision.
    """
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    for name, value in fields.items():
        setattr(page, name, value)
    if not page.live:
        page.save_revision(user=by, log_action=True)
        return
    page.save_revision(user=by, log_action=True).publish(user=by, skip_permission_checks=True)
    if draft is not None:
        for name, value in fields.items():
            setattr(draft, name, value)
        draft.save_revision(user=by)


def _description_of(sheet: NeedsSheetPage) -> list[tuple[str, object]]:
    """The micro-project's description: the sheet's need, context and expected benefits, each under its heading."""
    parts = [
        (_("Besoin identifié"), sheet.need),
        (_("Contexte / constat"), sheet.context),
        (_("Bénéfices attendus"), sheet.expected_benefits),
    ]
    body = []
    for heading, text in parts:
        if text:
            body += [("heading", {"text": heading, "level": "h2"}), ("paragraph", RichText(text))]
    return body


def _create_micro_project(sheet: NeedsSheetPage, group: WorkingGroupPage, by: User) -> MicroProjectPage:
    """A micro-project under the group, carrying the sheet's title, summary, métiers and text."""
    project = MicroProjectPage(
        title=sheet.title,
        slug=find_available_slug(group, title_slug(sheet.title)[:240] or "micro-projet"),
        summary=sheet.summary,
        needs_sheet=sheet,
        owner=by,
        body=_description_of(sheet),
    )
    project.metiers = list(sheet.metiers.all())
    group.add_child(instance=project)
    project.save_revision(user=by, log_action=True).publish(user=by, skip_permission_checks=True)
    return project


def _validated(sheet, status, by, reason, group, micro_project) -> str:
    if not can_manage_needs(by):
        raise PermissionDenied(_("Seuls les chargés de projet peuvent changer le statut d’une fiche."))
    if status not in NeedStatus.values:
        raise ValidationError(_("Ce statut n’existe pas."), code="invalid_status")
    if status not in ALLOWED_MOVES.get(sheet.status, ()):
        raise ValidationError(
            _("La fiche est « %(current)s » : elle ne peut pas passer à « %(new)s ».")
            % {"current": NeedStatus(sheet.status).label, "new": NeedStatus(status).label},
            code="not_allowed",
        )
    reason = clean_text(reason)
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            _("Le motif compte %(n)d caractères, pour %(max)d au plus.") % {"n": len(reason), "max": REASON_MAX_LENGTH},
            code="reason_too_long",
        )
    if status == NeedStatus.NOT_RETAINED and not reason:
        raise ValidationError(
            _("Indiquez le motif pour lequel la fiche n’est pas retenue : il sera communiqué à son auteur."),
            code="reason_required",
        )
    if status == NeedStatus.RETAINED:
        if micro_project is None and group is None:
            raise ValidationError(
                _("Choisissez le groupe de travail qui portera le micro-projet né de cette fiche."),
                code="group_required",
            )
        if micro_project is None and not can_view_page(group, by):
            raise ValidationError(_("Ce groupe de travail n’existe pas (ou plus)."), code="invalid_group")
    return reason


@transaction.atomic
def change_status(
    sheet: NeedsSheetPage,
    status: NeedStatus | str,
    *,
    by: User,
    reason: str = "",
    group: WorkingGroupPage | None = None,
    micro_project: MicroProjectPage | None = None,
) -> NeedsStatusChange:
    """Move the sheet to `status` on behalf of a project officer and return the one history row written.

    "Non retenue" needs a reason; "retenue" creates a published micro-project under `group` (titled after
    the sheet) or links the existing `micro_project`. Refused moves raise a French ValidationError,
    accounts that may not manage needs sheets (projects.permissions) get PermissionDenied.
    """
    # Read again under a lock: two officers deciding at once must not both move the same step.
    sheet = NeedsSheetPage.objects.select_for_update().get(pk=sheet.pk)
    reason = _validated(sheet, status, by, reason, group, micro_project)
    if status == NeedStatus.RETAINED:
        if micro_project is not None:
            project = MicroProjectPage.objects.get(pk=micro_project.pk)
            if project.needs_sheet_id != sheet.pk:
                _publish_field(project, by, needs_sheet=sheet)
        else:
            _create_micro_project(sheet, group.specific, by)
    _publish_field(sheet, by, status=status)
    return NeedsStatusChange.objects.create(sheet=sheet, status=status, reason=reason, decided_by=by)
