"""What the portal answers when the database fails: a French 503, and a health check that needs no session.

Django turns an exception raised in a view or a middleware into a call to `handler500`. When that exception
says the database is unreachable (stopped, restarting, frozen past its timeouts), the reader gets "Service
momentanément indisponible" with status 503 and `Retry-After`, not the "something broke" 500 page: nothing is
wrong with the page, it will come back by itself. Feeds, calendars and the JSON API get a short body instead
of HTML. Nothing here reads the database, the session or the cache.
"""

import sys

from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import defaults

from base.framework import replace_user, skip_session_load
from base.machine_readable import wants_machine_readable

from .views import health

try:
    import psycopg
except ImportError:  # SQLite-only installations
    psycopg = None

DATABASE_FAILURES: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)
if psycopg is not None:
    DATABASE_FAILURES += (psycopg.OperationalError, psycopg.InterfaceError)

# Browsers ignore it; load balancers and scripts wait this long before asking again.
RETRY_AFTER_SECONDS = 10
HEALTH_PATH = "/health/"


def is_database_failure(error: BaseException | None) -> bool:
    """Whether `error`, or an exception it was raised from, says the database cannot be reached."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_FAILURES):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    """`handler500`: a 503 when the database is unreachable, the French 500 page for any other failure."""
    if is_database_failure(sys.exc_info()[1]):
        return service_unavailable(request)
    return defaults.server_error(request, template_name)


def service_unavailable(request) -> HttpResponse:
    _without_more_database_waits(request)
    message = _("Service momentanément indisponible : réessayez dans quelques instants.")
    if request.path_info.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"detail": message}, status=503)
    elif wants_machine_readable(request, _view_of(request)):
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _without_more_database_waits(request) -> None:
    """The session and the user, which failed to load, are left empty for the rest of the response.

    Django retries a failed load on each access: every middleware reading them on the way out would wait for
    the unreachable database again (a connection timeout each), and the 503 would come only after all of them.
    """
    replace_user(request, AnonymousUser())
    session = getattr(request, "session", None)
    if session is not None:
        skip_session_load(session)


def _view_of(request):
    """The view the request was for, even when a middleware failed before URL resolution."""
    if request.resolver_match is not None:
        return request.resolver_match.func
    try:
        return resolve(request.path_info).func
    except Resolver404:
        return None


class HealthCheckMiddleware:
    """Answer `/health/` before the session, the user and the site are looked up.

    A load balancer's probe may carry a session cookie; reading that session would need the database (or
    Redis) and could fail for a reason unrelated to health. First in MIDDLEWARE, so that HTTPS redirection
    and host checks do not apply to the probe either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method == "GET":
            return health(request)
        return self.get_response(request)
