"""The Wagtail site answering a request, found without a query on every page view.

Wagtail looks the site up in the database at each request (hostname and port). The sites change only
when an administrator edits them: they are kept in the cache, cleared when a site is saved or deleted.
"""

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

SITES_CACHE_KEY = "portal:sites"
# Cleared at once where the cache is shared (Redis); with a per-process memory cache, the other processes
# see a change within this delay.
SITES_CACHE_SECONDS = 60


def _all_sites() -> list[Site]:
    """Every site with its home page, as published (the cache is cleared when a home page is published,
    unpublished or moved)."""
    sites = cache.get(SITES_CACHE_KEY)
    if sites is None:
        sites = list(Site.objects.select_related("root_page"))
        for site in sites:
            site.root_page = site.root_page.specific
        cache.set(SITES_CACHE_KEY, sites, SITES_CACHE_SECONDS)
    return sites


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
        try:
            site = site_for_request(request)
        except DatabaseError:
            # The views that work without a database (the health check) must still answer.
            site = None
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    cache.delete(SITES_CACHE_KEY)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_sites_when_a_root_page_changes(sender, instance, **kwargs):
    if Site.objects.filter(root_page_id=instance.pk).exists():
        cache.delete(SITES_CACHE_KEY)
