"""Fixed choices of the documents, read by the model, its queryset and the library's filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentAccessibility(models.TextChoices):
    """Whether a document can be read with assistive technologies (RGAA: tagged PDF, headings, alternatives),
    as its editor found it; every document starts « à vérifier » until someone looks."""

    ACCESSIBLE = "accessible", _("accessible")
    NOT_ACCESSIBLE = "not_accessible", _("non accessible")
    TO_CHECK = "to_check", _("à vérifier")


# What a reader sees next to a download link (a badge, or the link's suffix in rich text).
READER_LABELS = {
    DocumentAccessibility.ACCESSIBLE: _("Accessible"),
    DocumentAccessibility.NOT_ACCESSIBLE: _("Non accessible"),
    DocumentAccessibility.TO_CHECK: _("Accessibilité à vérifier"),
}
