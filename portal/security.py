"""Security headers every response carries: the Content-Security-Policy, and `Cache-Control: private` on
anything personal.

The policy (CONTENT_SECURITY_POLICY, portal/settings/base.py) allows scripts from the portal's own origin
only, never inline. Styles may be inline: the error pages (500, 503) are rendered without a request, hence
without a nonce, and the dashboard's SVG charts carry their own <style>, possibly from a cached fragment where
a nonce would be stale. A style cannot run code. Wagtail's admin keeps inline scripts in its own templates
(date pickers, inline panels, workflow actions): only its pages, shown to editors, allow them.

Sign-in through an identity provider (OpenID Connect, SAML) submits a form that is redirected to the
provider; browsers apply `form-action` to that redirect, so the providers' origins are allowed there.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header

ADMIN_PREFIX = "/admin/"
# Replaces the front end's directives under /admin/ (Wagtail's own templates carry inline scripts).
ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}

# Set on every response, including those answered before Django's SecurityMiddleware (/health/).
BASELINE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _origin(url: str) -> str | None:
    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def identity_provider_origins(providers: dict | None = None) -> list[str]:
    """Origins of the configured identity providers (OpenID Connect issuer, SAML metadata), sorted, plus
    CSP_FORM_ACTION_ORIGINS for a SAML IdP whose sign-in page is elsewhere than its metadata."""
    providers = settings.SOCIALACCOUNT_PROVIDERS if providers is None else providers
    urls: list[str] = []
    for provider in (providers or {}).values():
        for app in provider.get("APPS", []):
            app_settings = app.get("settings", {}) or {}
            urls.append(app_settings.get("server_url", ""))
            idp = app_settings.get("idp", {}) or {}
            urls.extend([idp.get("metadata_url", ""), idp.get("sso_url", ""), idp.get("slo_url", "")])
    urls.extend(getattr(settings, "CSP_FORM_ACTION_ORIGINS", []))
    return sorted({origin for origin in map(_origin, urls) if origin})


def is_admin_page(request) -> bool:
    """A page of Wagtail's admin shown to an editor; a reader refused there gets the portal's own policy."""
    user = getattr(request, "user", None)
    return (
        request.path_info.startswith(ADMIN_PREFIX)
        and user is not None
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's scripts scoped to /admin/ and the identity providers
    allowed as form targets."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        replace = dict(parts.replace or {})
        if is_admin_page(request):
            replace = {**ADMIN_DIRECTIVES, **replace}
        origins = identity_provider_origins()
        if origins and "form-action" not in replace:
            form_action = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].get("form-action") or []
            replace["form-action"] = [*form_action, *origins]
        parts.replace = replace or None
        return parts


def _cache_control(value: str) -> dict[str, str | None]:
    directives: dict[str, str | None] = {}
    for item in value.split(","):
        name, _, argument = item.strip().partition("=")
        if name:
            directives[name.strip().lower()] = argument.strip() or None
    return directives


def make_private(response) -> None:
    """`Cache-Control: private` and `Vary: Cookie`: a browser may keep the page, a shared cache never.

    Whatever stricter the view said (no-store, no-cache, max-age=0) stays; `public` and `s-maxage`, which
    would let a proxy keep it, go.
    """
    directives = _cache_control(response.get("Cache-Control", ""))
    directives.pop("public", None)
    directives.pop("s-maxage", None)
    directives["private"] = None
    response["Cache-Control"] = ", ".join(
        name if argument is None else f"{name}={argument}" for name, argument in directives.items()
    )
    patch_vary_headers(response, ("Cookie",))


def is_personal(request, response) -> bool:
    """A response to a request carrying a session, or one that sets a cookie (a session, a CSRF token).

    The session cookie, not `request.user`: loading the user would cost a query on every response, and a
    second wait on a database that has just failed the request.
    """
    return bool(response.cookies) or settings.SESSION_COOKIE_NAME in request.COOKIES


class PrivateResponseMiddleware:
    """Marks personal responses private and adds the baseline headers every response needs.

    First in MIDDLEWARE: it sees every response on its way out, including /health/ and static files.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for header, value in BASELINE_HEADERS.items():
            response.headers.setdefault(header, value)
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if is_personal(request, response):
            make_private(response)
        return response


# Uploaded images shown in pages, by extension (Wagtail's image formats and renditions). SVG is not among
# them: it may carry script.
INLINE_IMAGE_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
# Sent with every uploaded file: should a browser render one anyway, it runs nothing and loads nothing.
UPLOADED_FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def uploaded_file_headers(filename: str) -> dict[str, str]:
    """Headers for serving an uploaded file: its type from the allow-list, or bytes to download."""
    suffix = "." + filename.rpartition(".")[2].lower() if "." in filename else ""
    headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": UPLOADED_FILE_POLICY}
    if suffix in INLINE_IMAGE_TYPES:
        headers["Content-Type"] = INLINE_IMAGE_TYPES[suffix]
    else:
        headers["Content-Type"] = "application/octet-stream"
        headers["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return headers
