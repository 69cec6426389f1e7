"""Documents' domain filters, as chainable queryset methods."""

from wagtail.documents.models import DocumentQuerySet

from base.visibility import VisibleToQuerySetMixin

from .choices import DocumentAccessibility


class PortalDocumentQuerySet(VisibleToQuerySetMixin, DocumentQuerySet):
    """Documents; `visible_to(request)` leaves out those in collections the reader may not open."""

    def with_accessibility(self, status: str):
        """Documents whose accessibility, as their editor found it, is `status` (a DocumentAccessibility)."""
        return self.filter(accessibility=status)

    def not_accessible(self):
        """Documents known not to be accessible: the accessibility statement lists them."""
        return self.with_accessibility(DocumentAccessibility.NOT_ACCESSIBLE)
