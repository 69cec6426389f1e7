"""The Wagtail site answering a request, found without a query on every page view.

Wagtail looks the site up in the database at each request (hostname and port). The sites (with their home
pages) are kept in the cache under the content version (base.page_cache), which saving a site or publishing,
moving or unpublishing a page changes.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from .page_cache import versioned


def _read_sites() -> list[Site]:
    sites = list(Site.objects.select_related("root_page"))
    for site in sites:
        site.root_page = site.root_page.specific
    return sites


def _all_sites() -> list[Site]:
    """Every site with its home page, as published."""
    return versioned("sites", _read_sites)


def site_for_request(request) -> Site | None:
    """The site Wagtail would choose (same order: hostname and port, hostname of the default site, hostname,
    default site), from the cached list of sites."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def rank(site: Site) -> int:
        if site.hostname == hostname and str(site.port) == str(port):
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        if site.hostname == hostname:
            return 2
        return 3 if site.is_default_site else 4

    candidates = sorted((rank(site), site.pk, site) for site in _all_sites())
    if not candidates or candidates[0][0] == 4:
        return None
    return candidates[0][2]


class CachedSiteMiddleware:
    """Give Wagtail the request's site (it keeps it on request._wagtail_site) from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A database failure here is the request's: the French 503 (portal.errors), after one wait only. The
        # health check, which needs no site, has answered before (portal.errors.HealthCheckMiddleware).
        site = site_for_request(request)
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)
