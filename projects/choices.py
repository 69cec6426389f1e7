"""Status values of working groups, needs sheets and micro-projects, members' roles and the path of a needs sheet
(shared by models, forms, filters and counts)."""

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


class MemberRole(models.TextChoices):
    PILOT = "pilot", _("Pilote")
    MEMBER = "member", _("Membre")


# The path of a needs sheet: where a sheet may go from each status (projects.services.needs_status).
ALLOWED_MOVES: dict[str, tuple[str, ...]] = {
    NeedStatus.SUBMITTED: (NeedStatus.UNDER_REVIEW, NeedStatus.RETAINED, NeedStatus.NOT_RETAINED),
    NeedStatus.UNDER_REVIEW: (NeedStatus.RETAINED, NeedStatus.NOT_RETAINED),
    NeedStatus.NOT_RETAINED: (NeedStatus.UNDER_REVIEW,),
    NeedStatus.RETAINED: (),
}


def allowed_statuses(current: str) -> list[tuple[str, str]]:
    """(value, label) of the statuses a sheet with this status may move to."""
    return [(value, NeedStatus(value).label) for value in ALLOWED_MOVES.get(current, ())]
