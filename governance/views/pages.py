"""The page a view works on: live, governed, and open to the reader (else 404, as for an unknown page)."""

from django.http import Http404
from wagtail.models import Page

from base.visibility import visible_pages

from ..services.owners import is_governed

LARGEST_ID = 2**63 - 1


def governed_page_or_404(request, page_id: int):
    if page_id > LARGEST_ID:
        raise Http404
    page = visible_pages(Page.objects.live().filter(pk=page_id), request).specific().first()
    if page is None or not is_governed(page):
        raise Http404
    return page
