"""Security headers and policies shared by every environment (development too, so that a page the policy
would break shows it locally). HTTPS-only settings (HSTS, secure cookies, redirection) are in production.py.

The Content-Security-Policy and the private-cache rule are explained in portal/security.py.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .env import env_list

CSP_MIDDLEWARE = "portal.security.ContentSecurityPolicyMiddleware"
PRIVATE_RESPONSE_MIDDLEWARE = "portal.security.PrivateResponseMiddleware"

# Types announced for downloaded documents, by extension; any other extension is served as bytes to save.
DOCUMENT_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


def apply(settings: dict) -> None:
    """Adjust the settings being built in portal/settings/base.py."""
    middleware = list(settings["MIDDLEWARE"])
    middleware.insert(middleware.index("django.middleware.security.SecurityMiddleware") + 1, CSP_MIDDLEWARE)
    # First: its headers reach every response, even those answered before SecurityMiddleware.
    middleware.insert(0, PRIVATE_RESPONSE_MIDDLEWARE)
    settings["MIDDLEWARE"] = middleware

    settings["CONTENT_SECURITY_POLICY"] = {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            # Inline <style> in the error pages and the SVG charts; see portal/security.py.
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": [SELF],
            "font-src": [SELF],
            "connect-src": [SELF],
            "frame-src": [SELF],
            "frame-ancestors": [SELF],
            "form-action": [SELF],
            "base-uri": [SELF],
            "object-src": [NONE],
        }
    }
    # Extra origins a sign-in form may be redirected to (a SAML IdP whose page is not beside its metadata).
    settings["CSP_FORM_ACTION_ORIGINS"] = env_list("CSP_FORM_ACTION_ORIGINS")

    settings["SECURE_CONTENT_TYPE_NOSNIFF"] = True
    settings["SECURE_REFERRER_POLICY"] = "same-origin"
    settings["SECURE_CROSS_ORIGIN_OPENER_POLICY"] = "same-origin"
    # Wagtail's preview frames allow themselves (same origin); nothing else may frame the portal.
    settings["X_FRAME_OPTIONS"] = "DENY"

    # Documents: a known type from the list above, shown in the browser only for PDF (which cannot reach
    # the intranet's pages); everything else is downloaded. Wagtail adds nosniff and a "default-src 'none'"
    # policy to every download.
    settings["WAGTAILDOCS_CONTENT_TYPES"] = DOCUMENT_CONTENT_TYPES
    settings["WAGTAILDOCS_INLINE_CONTENT_TYPES"] = ["application/pdf"]
    settings["WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT"] = True
    # The admin asks no outside server whether Wagtail is up to date: nothing leaves the intranet.
    settings["WAGTAIL_ENABLE_UPDATE_CHECK"] = False
