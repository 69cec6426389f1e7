"""The accessibility mention of every page's footer: « Accessibilité : … conforme », linking to the statement."""

from dataclasses import dataclass

from wagtail.models import Page

from base.caches import versioned
from base.context_processors import loaded_page

from ..choices import ComplianceStatus
from ..models import AccessibilityStatementPage


@dataclass(frozen=True)
class AccessibilityMention:
    """What the footer says: the published statement's status, and the statement to link to."""

    status: str
    label: str
    statement: Page


def _published_status() -> tuple[str, str] | None:
    """Path and status of the published statement; None without one."""
    return AccessibilityStatementPage.objects.current().values_list("path", "compliance_status").first()


def accessibility_mention(request) -> AccessibilityMention | None:
    """The footer's mention for this reader: read once per content version (publishing the statement changes
    the version, base.content_version), and only when the reader may open the statement, found among the home
    page's sections already loaded for the navigation (base.context_processors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    published = versioned("accessibility-statement", _published_status)
    if published is None:
        return None
    path, status = published
    statement = loaded_page(request, path)
    if statement is None:
        return None
    return AccessibilityMention(status=status, label=str(ComplianceStatus(status).label), statement=statement)
