from wagtail.models import Site

from base.page_cache import shared
from base.visibility import visible_pages

_SECTIONS_ATTRIBUTE = "_portal_main_sections"


def home_sections(request) -> list:
    """The home page's children that the reader may open, in or out of the menu, read once per request."""
    if hasattr(request, _SECTIONS_ATTRIBUTE):
        return getattr(request, _SECTIONS_ATTRIBUTE)
    site = Site.find_for_request(request)
    sections = []
    if site is not None:
        children = site.root_page.get_children()
        # Shared by the readers refused the same pages, until the content changes (base.page_cache).
        sections = shared(
            request,
            "sections",
            lambda: list(
                visible_pages(children, request).only(
                    "title", "slug", "url_path", "depth", "path", "content_type", "show_in_menus"
                )
            ),
            site.pk,
        )
    setattr(request, _SECTIONS_ATTRIBUTE, sections)
    return sections


def main_sections(request) -> list:
    """The home page's children marked "show in menus" that the reader may open."""
    return [section for section in home_sections(request) if section.show_in_menus]


def loaded_page(request, path: str):
    """The home page or a section of the menu at this tree path, if already loaded for the navigation."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None and site.root_page.path == path:
        return site.root_page
    return next((section for section in home_sections(request) if section.path == path), None) if site else None


def navigation(request):
    """The main navigation: the home page's sections that the reader may open."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return {"site_home": site.root_page, "main_navigation": main_sections(request)}
