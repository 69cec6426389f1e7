"""Views read by programs (feeds, calendars, JSON): an anonymous caller gets 401, not the sign-in page.

Apps mark such views here; the portal's login-required middleware and error pages ask `wants_machine_readable`.
"""

MACHINE_READABLE_TYPES = ("application/json", "application/rss+xml", "application/atom+xml", "text/calendar")


def machine_readable(view_func):
    """Mark a view (feed, calendar, JSON) whose anonymous callers get 401 instead of a redirect."""
    view_func.machine_readable = True
    return view_func


def wants_machine_readable(request, view_func) -> bool:
    """Whether the view is marked (as a function, or through its class attribute `machine_readable`), or the
    caller accepts a program's format and not HTML."""
    if getattr(view_func, "machine_readable", False):
        return True
    # Django class-based views expose view_class; Django REST framework views expose cls.
    view_class = getattr(view_func, "view_class", None) or getattr(view_func, "cls", None)
    if getattr(view_class, "machine_readable", False):
        return True
    accept = request.headers.get("Accept", "")
    return "text/html" not in accept and any(kind in accept for kind in MACHINE_READABLE_TYPES)
