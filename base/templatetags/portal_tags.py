from django import template
from django.utils.http import urlencode

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, current_label=None):
    """Ancestors of the page below the site root, then the page itself (or a route's label)."""
    page = page or context.get("page")
    ancestors = list(page.get_ancestors().filter(depth__gt=1).specific()) if page else []
    return {"ancestors": ancestors, "page": page, "current_label": current_label}


@register.simple_tag(takes_context=True)
def query_string(context, **changes):
    """The current query string with some parameters replaced (None or "" removes one); resets the page."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = urlencode(sorted((k, v) for k, v in params.items()))
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string pointing to another page of results."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()
