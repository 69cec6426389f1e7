"""Reading the portal's fields (names, e-mail, métier, site, groups) from what an IdP sent."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext

SCALAR_FIELDS = ("uid", "email", "first_name", "last_name", "metier", "site")


def provider_key(sociallogin) -> str:
    app = sociallogin.provider.app
    return (app.provider_id or app.provider) if app else sociallogin.account.provider


def provider_name(sociallogin) -> str:
    return settings.PORTAL_SSO["NAMES"].get(provider_key(sociallogin), sociallogin.provider.name)


def _raw_claims(extra_data: dict) -> dict[str, Any]:
    """OIDC keeps {"id_token": {...}, "userinfo": {...}}; SAML keeps {attribute: [values]}."""
    if "id_token" in extra_data or "userinfo" in extra_data:
        merged = dict(extra_data.get("id_token") or {})
        merged.update(extra_data.get("userinfo") or {})
        return merged
    return extra_data


def _first(value: Any) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return "" if value is None else str(value).strip()


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        # Some IdPs send one comma-separated string.
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if str(item).strip()]
    return [str(value)]


def portal_claims(sociallogin) -> dict[str, Any]:
    """{"email": …, "first_name": …, "last_name": …, "metier": …, "site": …, "groups": [...]}."""
    mapping = settings.PORTAL_SSO["CLAIMS"].get(provider_key(sociallogin), {})
    raw = _raw_claims(sociallogin.account.extra_data or {})
    claims: dict[str, Any] = {name: _first(raw.get(mapping.get(name, name))) for name in SCALAR_FIELDS}
    claims["groups"] = _as_list(raw.get(mapping.get("groups", "groups")))
    if not claims["email"]:
        claims["email"] = sociallogin.user.email or ""
    claims["email"] = claims["email"].lower()
    return claims


def email_domain_allowed(email: str) -> bool:
    allowed = settings.PORTAL_SSO["ALLOWED_DOMAINS"]
    if not allowed:
        return True
    return email.rpartition("@")[2].lower() in allowed


def provider_label_from_request(request) -> str:
    """The name of the IdP a sign-in URL is about ("Keycloak"), or a generic label."""
    kwargs = getattr(request.resolver_match, "kwargs", {}) or {}
    key = kwargs.get("provider_id") or kwargs.get("organization_slug")
    for provider in settings.SSO.providers:
        if key in (provider.id, provider.settings.get("client_id")):
            return provider.name
    return gettext("votre fournisseur d’identité")
