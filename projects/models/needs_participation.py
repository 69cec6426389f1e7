"""Participation on a needs sheet: staff who say they are concerned, and their comments."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..querysets import NeedCommentQuerySet, NeedSupportQuerySet

COMMENT_MAX_LENGTH = 2000


class NeedSupport(models.Model):
    """« Je suis concerné·e » : a staff member says the need is theirs too (once per sheet)."""

    sheet = models.ForeignKey(
        "projects.NeedsSheetPage", verbose_name=_("fiche"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("compte"), on_delete=models.CASCADE, related_name="need_supports"
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    objects = NeedSupportQuerySet.as_manager()

    class Meta:
        verbose_name = _("soutien d'une fiche besoin")
        verbose_name_plural = _("soutiens des fiches besoins")
        constraints = [models.UniqueConstraint(fields=["sheet", "user"], name="unique_need_support_per_user")]

    def __str__(self):
        return f"{self.user_id} → {self.sheet_id}"


class NeedComment(models.Model):
    """A comment of a staff member on a needs sheet. Moderation hides it (with a trace), never deletes it."""

    sheet = models.ForeignKey(
        "projects.NeedsSheetPage", verbose_name=_("fiche"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="need_comments",
    )
    body = models.TextField(_("commentaire"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    hidden = models.BooleanField(_("masqué"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("masqué par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("masqué le"), null=True, blank=True)
    hidden_reason = models.TextField(_("motif du masquage"), blank=True)

    objects = NeedCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commentaire d'une fiche besoin")
        verbose_name_plural = _("commentaires des fiches besoins")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.sheet_id} · {self.body[:40]}"
