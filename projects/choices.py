"""Status values of working groups, needs sheets and micro-projects (shared by models, filters and counts)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupStatus(models.TextChoices):
    FORMING = "forming", _("En constitution")
    ACTIVE = "active", _("Actif")
    CLOSED = "closed", _("Clos")


class NeedStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Soumise")
    UNDER_REVIEW = "under_review", _("En étude")
    RETAINED = "retained", _("Retenue")
    NOT_RETAINED = "not_retained", _("Non retenue")


class MicroProjectStatus(models.TextChoices):
    PLANNED = "planned", _("À lancer")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
