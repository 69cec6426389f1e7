"""The Wagtail site answering a request and its home page's sections, found without a query on most pages.

Wagtail looks the site up in the database at each request (hostname and port), reads its root paths to build
page URLs, and the navigation lists the home page's children. All three change only with the content: they are
read together, in two queries, and kept in the cache under the content version (base.caches), which saving
a site or publishing, moving or unpublishing a page changes. Which sections a reader may open is decided for
each request from the reader's own restrictions (base.visibility).
"""

from dataclasses import dataclass, field

from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from .caches import versioned
from .framework import give_wagtail_root_paths, give_wagtail_site, raw_host

# What the navigation and the section links read of a section page.
SECTION_FIELDS = ("title", "slug", "url_path", "depth", "path", "content_type", "show_in_menus", "live")
# Fields of a section's own type read in the same query ("relation__field"), for what every page shows of that
# section (the accessibility statement's status in the footer): added by the apps (read_with_sections).
SECTION_DETAILS: list[str] = []


def read_with_sections(*fields: str) -> None:
    """Have these fields of a section type ("accessibilitystatementpage__compliance_status") read with the site
    tree, so that showing them on every page costs no query (called from an app's ready())."""
    SECTION_DETAILS.extend(field for field in fields if field not in SECTION_DETAILS)


@dataclass
class SiteTree:
    """Every site with its home page (as published), Wagtail's root paths, and each home page's live children."""

    sites: list[Site] = field(default_factory=list)
    root_paths: list[SiteRootPath] = field(default_factory=list)
    sections: dict[int, list[Page]] = field(default_factory=dict)


def _read_site_tree() -> SiteTree:
    # The portal's home page is a HomePage: read with its site in one query (any other root type costs one more).
    sites = list(Site.objects.select_related("root_page__homepage", "root_page__locale"))
    for site in sites:
        root = site.root_page
        site.root_page = getattr(root, "homepage", None) or root.specific
        site.root_page.locale = root.locale
    # Wagtail's order (Site.get_site_root_paths): the most specific root path first.
    ordered = sorted(sites, key=lambda site: site.hostname)
    ordered.sort(key=lambda site: site.is_default_site, reverse=True)
    ordered.sort(key=lambda site: site.root_page.url_path, reverse=True)
    root_paths = [
        SiteRootPath(site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
        for site in ordered
    ]
    sections: dict[int, list[Page]] = {site.pk: [] for site in sites}
    roots = {site.root_page.path: site.pk for site in sites}
    if roots:
        depth = min(site.root_page.depth for site in sites) + 1
        relations = sorted({field.split("__")[0] for field in SECTION_DETAILS})
        children = (
            Page.objects.filter(depth=depth, live=True)
            .select_related(*relations)
            .only(*SECTION_FIELDS, *SECTION_DETAILS)
            .order_by("path")
        )
        for child in children:
            site_pk = roots.get(child.path[: -Page.steplen])
            if site_pk is not None:
                sections[site_pk].append(child)
    return SiteTree(sites=sites, root_paths=root_paths, sections=sections)


def site_tree() -> SiteTree:
    """The sites, their root paths and their home pages' live children, for the current content version."""
    return versioned("site-tree", _read_site_tree)


def site_for_request(request) -> Site | None:
    """The site Wagtail would choose (same order: hostname and port, hostname of the default site, hostname,
    default site), from the cached list of sites."""
    hostname = split_domain_port(raw_host(request))[0]
    port = request.get_port()

    def rank(site: Site) -> int:
        if site.hostname == hostname and str(site.port) == str(port):
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        if site.hostname == hostname:
            return 2
        return 3 if site.is_default_site else 4

    candidates = sorted((rank(site), site.pk, site) for site in site_tree().sites)
    if not candidates or candidates[0][0] == 4:
        return None
    return candidates[0][2]


class CachedSiteMiddleware:
    """Give Wagtail the request's site and the sites' root paths (base.framework) from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A database failure here is the request's: the French 503 (portal.errors), after one wait only. The
        # health check, which needs no site, has answered before (portal.errors.HealthCheckMiddleware).
        site = site_for_request(request)
        if site is not None:
            give_wagtail_site(request, site)
        give_wagtail_root_paths(request, site_tree().root_paths)
        return self.get_response(request)
