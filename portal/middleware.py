"""Private by default: every view needs a signed-in user unless marked otherwise."""

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpResponse

MACHINE_READABLE_TYPES = ("application/json", "application/rss+xml", "application/atom+xml", "text/calendar")


def machine_readable(view_func):
    """Mark a view (feed, calendar, JSON) whose anonymous callers get 401 instead of a redirect."""
    view_func.machine_readable = True
    return view_func


def wants_machine_readable(request, view_func) -> bool:
    if getattr(view_func, "machine_readable", False):
        return True
    # Django class-based views expose view_class; Django REST framework views expose cls.
    view_class = getattr(view_func, "view_class", None) or getattr(view_func, "cls", None)
    if getattr(view_class, "machine_readable", False):
        return True
    accept = request.headers.get("Accept", "")
    return "text/html" not in accept and any(kind in accept for kind in MACHINE_READABLE_TYPES)


class PortalLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware, answering 401 to feeds, calendars and JSON."""

    def handle_no_permission(self, request, view_func):
        if wants_machine_readable(request, view_func):
            response = HttpResponse(
                "Authentification requise : connectez-vous à l’intranet.",
                status=401,
                content_type="text/plain; charset=utf-8",
            )
            response["WWW-Authenticate"] = 'Session realm="intranet"'
            return response
        return super().handle_no_permission(request, view_func)
