"""The working hours and days within which notification e-mails go out (right to disconnect)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

DAY_FIELDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@register_setting(icon="time")
class WorkingHours(BaseGenericSetting):
    """Right to disconnect (code du travail L2242-17): notification e-mails and digests are sent only on
    these days, between these hours (Paris time); anything due outside waits for the next opening."""

    start = models.TimeField(_("début de la journée"), default=datetime.time(8, 0))
    end = models.TimeField(_("fin de la journée"), default=datetime.time(19, 0))
    monday = models.BooleanField(_("lundi"), default=True)
    tuesday = models.BooleanField(_("mardi"), default=True)
    wednesday = models.BooleanField(_("mercredi"), default=True)
    thursday = models.BooleanField(_("jeudi"), default=True)
    friday = models.BooleanField(_("vendredi"), default=True)
    saturday = models.BooleanField(_("samedi"), default=False)
    sunday = models.BooleanField(_("dimanche"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Heures d’envoi (heure de Paris)")),
        MultiFieldPanel([FieldPanel(name) for name in DAY_FIELDS], heading=_("Jours d’envoi")),
    ]

    class Meta:
        verbose_name = _("horaires d’envoi des e-mails")
        verbose_name_plural = _("horaires d’envoi des e-mails")

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise ValidationError({"end": _("La fin de la journée doit venir après son début.")})
        if not any(getattr(self, name) for name in DAY_FIELDS):
            raise ValidationError(_("Cochez au moins un jour d’envoi."))

    @property
    def weekdays(self) -> frozenset[int]:
        return frozenset(index for index, name in enumerate(DAY_FIELDS) if getattr(self, name))
