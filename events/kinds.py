"""The kinds of agenda events."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    INFORMATION_MEETING = "information", _("Réunion d'information métier")
    PILOTS_MEETING = "pilots", _("Rencontre des pilotes")
    EXCHANGE_HALF_DAY = "exchange", _("Demi-journée d'échanges")
    TRAINING = "training", _("Formation")
    GROUP_MEETING = "group", _("Réunion de groupe de travail")
    OTHER = "other", _("Autre")
