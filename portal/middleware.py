"""Private by default: every view needs a signed-in user unless marked otherwise; the admin is for editors."""

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse

from base.machine_readable import wants_machine_readable


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


# Admin URLs a signed-in user without admin access may still reach (they lead out of the admin).
ADMIN_EXEMPT_URL_NAMES = {"wagtailadmin_login", "wagtailadmin_logout"}


class AdminAccessMiddleware:
    """A signed-in user without access to the admin gets the portal's 403 page, not the sign-in form.

    Wagtail would send them to its sign-in page with "you do not have permission", which reads as if
    they were signed out. Anonymous visitors are left to the login-required middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in ADMIN_EXEMPT_URL_NAMES:
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied("Accès à l’administration réservé aux contributeurs.")
        return None
