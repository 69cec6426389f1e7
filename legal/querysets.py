"""The legal pages' domain filters, as chainable queryset methods."""

from wagtail.models import PageManager

from base.querysets import PortalPageQuerySet


class AccessibilityStatementQuerySet(PortalPageQuerySet):
    """Accessibility statements (one per portal: the page type allows a single one)."""

    def current(self):
        """The published statement first (the one nearest the root, should an editor have made more)."""
        return self.live().order_by("depth", "path")


AccessibilityStatementManager = PageManager.from_queryset(AccessibilityStatementQuerySet)
