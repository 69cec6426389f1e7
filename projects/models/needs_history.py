"""The status history of a needs sheet: who moved it where, when, and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import NeedStatus


class NeedsStatusChange(models.Model):
    """One step of a needs sheet's path (soumise → en étude → retenue / non retenue).

    Written once per decision and never edited: the sheet's page, "Mes fiches" and the dashboard read
    the history from here, and the submitter is notified once per row.
    """

    sheet = models.ForeignKey(
        "projects.NeedsSheetPage", verbose_name=_("fiche"), on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("statut"), max_length=20, choices=NeedStatus.choices)
    reason = models.TextField(_("motif"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("changement de statut d'une fiche besoin")
        verbose_name_plural = _("changements de statut des fiches besoins")
        ordering = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.sheet_id} → {self.get_status_display()}"

    @property
    def status_label(self) -> str:
        return str(self.get_status_display())
