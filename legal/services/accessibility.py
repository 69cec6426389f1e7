"""The accessibility mention of every page's footer: « Accessibilité : … conforme », linking to the statement."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from base.context_processors import home_sections

from ..choices import ComplianceStatus
from ..models import AccessibilityStatementPage


@dataclass(frozen=True)
class AccessibilityMention:
    """What the footer says: the published statement's status, and the statement to link to."""

    status: str
    label: str
    statement: Page


def accessibility_mention(request) -> AccessibilityMention | None:
    """The footer's mention for this reader, from the published statement among the home page's sections: they
    are read with its status once per content version (base.sites; publishing the statement changes the version,
    a draft does not), and only those the reader may open are there (base.context_processors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    statement_type = ContentType.objects.get_for_model(AccessibilityStatementPage).pk
    for section in home_sections(request):
        if section.content_type_id != statement_type:
            continue
        status = section.accessibilitystatementpage.compliance_status
        return AccessibilityMention(status=status, label=str(ComplianceStatus(status).label), statement=section)
    return None
