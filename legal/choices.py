"""Fixed choices of the legal pages, read by their models and services."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ComplianceStatus(models.TextChoices):
    """The conformity status an accessibility statement declares (RGAA 4.1, décret 2019-768): "totalement"
    with every applicable criterion met, "partiellement" with at least half of them, "non" below half or
    without a valid audit."""

    NOT_COMPLIANT = "non", _("non conforme")
    PARTIALLY_COMPLIANT = "partiellement", _("partiellement conforme")
    FULLY_COMPLIANT = "totalement", _("totalement conforme")
