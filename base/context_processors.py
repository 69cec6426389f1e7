from wagtail.models import Site


def navigation(request):
    """The main navigation: the home page's children marked "show in menus"."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {}
    home = site.root_page
    return {
        "site_home": home,
        "main_navigation": home.get_children().live().in_menu().only("title", "url_path", "depth", "path"),
    }
