"""The fixed choices of governance's models: why a review is asked for, where a reader's report stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReason(models.TextChoices):
    AGE = "age", _("Délai de vérification atteint")
    DOCUMENT_CHANGED = "document", _("Un document lié a été remplacé ou supprimé")
    GROUP_CLOSED = "group_closed", _("Le groupe de travail est clos")
    OWNER_LEFT = "owner_left", _("Le responsable a quitté le service")
    LINKED_PAGE_CHANGED = "linked_page", _("Une page liée a changé de façon importante")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("À traiter")
    TREATED = "treated", _("Traité")
    DECLINED = "declined", _("Non retenu")


class OwnerSource(models.TextChoices):
    """Where the responsable of a page comes from (governance.services.owners)."""

    CHOSEN = "chosen", _("choisi")
    DEFAULT = "default", _("par défaut")
    LAST_PUBLISHER = "publisher", _("dernier à publier")
    GROUP_PILOT = "pilot", _("pilote du groupe")
    OFFICERS = "officers", _("chargés de projet")
