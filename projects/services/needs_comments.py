"""Comments on needs sheets: posted by staff who may read the sheet, hidden (never deleted) by officers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import NeedComment, NeedsSheetPage
from ..models.needs_participation import COMMENT_MAX_LENGTH
from ..needs_text import clean_text
from ..permissions import can_manage_needs

HIDE_REASON_MAX_LENGTH = 500


def post_comment(sheet: NeedsSheetPage, author: User, body: str) -> NeedComment:
    """Add a comment (control characters removed); an empty or too long text raises a French ValidationError."""
    body = clean_text(body)
    if not body:
        raise ValidationError(_("Écrivez votre commentaire avant de l’envoyer."), code="required")
    if len(body) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("Votre commentaire compte %(n)d caractères, pour %(max)d au plus : raccourcissez-le.")
            % {"n": len(body), "max": COMMENT_MAX_LENGTH},
            code="max_length",
        )
    return NeedComment.objects.create(sheet=sheet, author=author, body=body)


def hide_comment(comment: NeedComment, *, by: User, reason: str) -> NeedComment:
    """Hide a comment from readers, keeping who hid it, when and why (projects.permissions: officers only)."""
    if not can_manage_needs(by):
        raise PermissionDenied(_("Seuls les chargés de projet peuvent masquer un commentaire."))
    reason = clean_text(reason)
    if not reason:
        raise ValidationError(_("Indiquez pourquoi ce commentaire est masqué."), code="reason_required")
    if len(reason) > HIDE_REASON_MAX_LENGTH:
        raise ValidationError(
            _("Le motif compte %(n)d caractères, pour %(max)d au plus.")
            % {"n": len(reason), "max": HIDE_REASON_MAX_LENGTH},
            code="reason_too_long",
        )
    if comment.hidden:
        return comment
    comment.hidden = True
    comment.hidden_by = by
    comment.hidden_at = timezone.now()
    comment.hidden_reason = reason
    comment.save(update_fields=["hidden", "hidden_by", "hidden_at", "hidden_reason"])
    return comment
