"""The private parts of Django, Wagtail and psycopg the portal relies on, each behind one small function.

Their names start with an underscore: an upgrade may change them without notice. The portal reads or writes them
here only, and tests/base/test_framework_adapter.py checks each one against the installed versions, so that such
a change fails there, by name, instead of silently costing queries or leaving a request waiting. The same test
checks the protected hooks that base.sessions and search.backends override in their framework's classes.
"""

from django.http import HttpRequest

try:
    from psycopg import errors as psycopg_errors
except ImportError:  # SQLite-only installations
    psycopg_errors = None


def raw_host(request: HttpRequest) -> str:
    """The request's host as the client sent it, unchecked: Wagtail picks a site from it the same way
    (Site._find_for_request), where `get_host()` would refuse a host missing from ALLOWED_HOSTS."""
    return request._get_raw_host()


def give_wagtail_site(request: HttpRequest, site) -> None:
    """Make `Site.find_for_request(request)` answer `site` without a query: Wagtail keeps its answer there."""
    request._wagtail_site = site


def give_wagtail_root_paths(request: HttpRequest, root_paths: list) -> None:
    """Make the page URLs built for this request (`Page.get_url_parts`, `pageurl`) read these sites' root paths
    (`Site.get_site_root_paths()`) instead of querying them: Wagtail keeps them there."""
    request._wagtail_cached_site_root_paths = root_paths


def replace_user(request: HttpRequest, user) -> None:
    """`request.user` becomes `user` for the rest of the request, also for code that asks Django's
    `get_user(request)` again (AuthenticationMiddleware memoises it there): nothing reads the session for it."""
    request.user = request._cached_user = user


def skip_session_load(session) -> None:
    """A session not read yet answers as empty for the rest of the request, without reading its store, and is not
    saved (Django memoises the loaded data there); a session already read is left as it is."""
    if not hasattr(session, "_session_cache"):
        session._session_cache = {}


def psycopg_wait_timeout() -> type[Exception] | None:
    """The exception psycopg's `Connection.wait()` raises when its `timeout` passes (an OperationalError), or
    None without psycopg: what a connection whose waits are bounded catches to close itself."""
    return psycopg_errors._WaitTimeout if psycopg_errors is not None else None


def is_routable_page_route(view) -> bool:
    """Whether `view` is one of a routable page's own `@path`/`@re_path` methods (Wagtail marks them there),
    rather than an ordinary view reached through the page (projects.models.page_views)."""
    return hasattr(view, "_routablepage_routes")
