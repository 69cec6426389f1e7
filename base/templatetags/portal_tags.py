from django import template
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, current_label=None):
    """Ancestors of the page below the site root, then the page itself (or a route's label).

    Titles and URLs are all a crumb needs: the ancestors are read in one query, as generic pages.
    """
    page = page or context.get("page")
    return {
        "ancestors": _ancestors(context, page),
        "page": page,
        "current_label": current_label,
        # {% pageurl %} reads the sites' root paths kept on the request (base.sites).
        "request": context.get("request"),
    }


def _ancestors(context, page) -> list:
    """The page's ancestors below the tree root. The home page and the sections are already loaded for the
    navigation: only ancestors deeper than a section are read, in one query."""
    if page is None:
        return []
    steplen = page.steplen
    paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    known = {item.path: item for item in context.get("main_navigation") or []}
    home = context.get("site_home")
    if home is not None:
        known[home.path] = home
    missing = [path for path in paths if path not in known]
    if missing:
        for ancestor in Page.objects.filter(path__in=missing).only("title", "url_path", "path", "depth"):
            known[ancestor.path] = ancestor
    return [known[path] for path in paths if path in known]
