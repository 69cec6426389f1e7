from wagtail.models import Site

from base.memo import request_memo
from base.sites import site_tree
from base.visibility import can_view_page


def home_sections(request) -> list:
    """The home page's children that the reader may open, in or out of the menu, read once per request."""

    def compute() -> list:
        site = Site.find_for_request(request)
        # The live children are the same for everyone (base.sites); which ones this reader may open is theirs.
        children = site_tree().sections.get(site.pk, []) if site is not None else []
        return [section for section in children if can_view_page(section, request)]

    return request_memo(request, "main_sections", compute)


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
