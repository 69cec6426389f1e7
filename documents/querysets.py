"""Documents' domain filters, as chainable queryset methods."""

from wagtail.documents.models import DocumentQuerySet

from base.visibility import VisibleToQuerySetMixin


class PortalDocumentQuerySet(VisibleToQuerySetMixin, DocumentQuerySet):
    """Documents; `visible_to(request)` leaves out those in collections the reader may not open."""
