"""Single sign-on configuration, read from the environment or from a TOML/JSON file.

It is turned into django-allauth's SOCIALACCOUNT_PROVIDERS (one "app" per identity provider) and
into PORTAL_SSO, the portal's own rules: which claims carry the names, métier, site and groups,
how IdP groups map to the portal's roles, which e-mail domains may sign in.

Either point SSO_CONFIG_FILE at a file (see README, "Connexion unique"), or describe one OpenID
Connect provider (OIDC_*) and/or one SAML identity provider (SAML_*) with environment variables.
"""

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from accounts.role_names import READERS, ROLE_NAMES

from .env import env_bool, env_list, env_str

# Portal fields → claim (OIDC) names; each provider may override any of them.
DEFAULT_OIDC_CLAIMS = {
    "uid": "sub",
    "email": "email",
    "first_name": "given_name",
    "last_name": "family_name",
    "metier": "metier",
    "site": "site",
    "groups": "groups",
}
# Portal fields → SAML attribute names (common LDAP/ADFS names).
DEFAULT_SAML_ATTRIBUTES = {
    "uid": "uid",
    "email": "mail",
    "first_name": "givenName",
    "last_name": "sn",
    "metier": "metier",
    "site": "site",
    "groups": "groups",
}
PORTAL_FIELDS = tuple(DEFAULT_OIDC_CLAIMS)


@dataclass
class Provider:
    protocol: str  # "oidc" or "saml"
    id: str
    name: str
    claims: dict[str, str]
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class SSOConfig:
    providers: list[Provider]
    roles: dict[str, str]
    allowed_domains: list[str]
    local_login: bool
    default_role: str | None


def _read_file(path: str) -> dict:
    file = Path(path)
    if not file.is_file():
        raise ImproperlyConfigured(f"SSO_CONFIG_FILE: no file at {path}")
    text = file.read_text(encoding="utf-8")
    try:
        return json.loads(text) if file.suffix == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise ImproperlyConfigured(f"SSO_CONFIG_FILE: {path} cannot be read: {exc}") from exc


def _required(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not value:
        raise ImproperlyConfigured(f"{where}: '{key}' is required")
    return str(value)


def _secret(entry: dict, key: str, where: str) -> str:
    """A secret given in the file, or the name of an environment variable holding it ("<key>_env")."""
    if entry.get(f"{key}_env"):
        return _required(os.environ, entry[f"{key}_env"], where)
    return _required(entry, key, where)


def _read_pem(entry: dict, key: str, where: str) -> str | None:
    path = entry.get(f"{key}_file")
    if not path:
        return entry.get(key)
    try:
        return Path(path).read_text(encoding="ascii")
    except OSError as exc:
        raise ImproperlyConfigured(f"{where}: cannot read {key}_file {path}: {exc.strerror}") from exc


def _claims(entry: dict, defaults: dict[str, str], where: str) -> dict[str, str]:
    claims = dict(defaults)
    for name, claim in (entry.get("claims") or {}).items():
        if name not in PORTAL_FIELDS:
            raise ImproperlyConfigured(f"{where}: unknown claim mapping '{name}' (known: {', '.join(PORTAL_FIELDS)})")
        claims[name] = claim
    return claims


def oidc_provider(entry: dict) -> Provider:
    where = f"OpenID Connect provider {entry.get('id', '?')}"
    provider_id = _required(entry, "id", where)
    claims = _claims(entry, DEFAULT_OIDC_CLAIMS, where)
    settings: dict[str, Any] = {
        "server_url": _required(entry, "discovery_url", where),
        "scope": list(entry.get("scopes") or ["openid", "profile", "email"]),
        "uid_field": claims["uid"],
        "oauth_pkce_enabled": True,
        "fetch_userinfo": bool(entry.get("fetch_userinfo", True)),
        "rp_initiated_logout": bool(entry.get("logout", True)),
    }
    if entry.get("trust_email", True):
        # The organisation's IdP is authoritative for its staff's addresses; with trust_email = false,
        # its email_verified claim decides whether an existing account may be linked.
        settings["verified_email"] = True
    if entry.get("token_auth_method"):
        settings["token_auth_method"] = entry["token_auth_method"]
    return Provider(
        "oidc",
        provider_id,
        entry.get("name") or provider_id,
        claims,
        {
            "provider_id": provider_id,
            "name": entry.get("name") or provider_id,
            "client_id": _required(entry, "client_id", where),
            "secret": _secret(entry, "client_secret", where),
            "settings": settings,
        },
    )


def saml_provider(entry: dict) -> Provider:
    where = f"SAML identity provider {entry.get('id', '?')}"
    slug = _required(entry, "id", where)
    claims = _claims(entry, DEFAULT_SAML_ATTRIBUTES, where)
    metadata_url = entry.get("metadata_url")
    if entry.get("metadata_file"):
        # OneLogin reads the file through urllib, at sign-in time like a URL.
        metadata_url = Path(entry["metadata_file"]).resolve().as_uri()
    if not metadata_url:
        raise ImproperlyConfigured(f"{where}: 'metadata_url' or 'metadata_file' is required")
    certificate = _read_pem(entry, "sp_certificate", where)
    private_key = _read_pem(entry, "sp_private_key", where)
    signed_requests = bool(certificate and private_key)
    advanced = {
        "strict": True,
        "want_assertion_signed": True,
        "want_message_signed": bool(entry.get("want_message_signed", False)),
        "authn_request_signed": signed_requests,
        "logout_request_signed": signed_requests,
        "logout_response_signed": signed_requests,
        "reject_idp_initiated_sso": True,
        "allow_single_label_domains": bool(entry.get("allow_single_label_domains", False)),
    }
    if certificate:
        advanced["x509cert"] = certificate
    if private_key:
        advanced["private_key"] = private_key
    sp = {"entity_id": entry["sp_entity_id"]} if entry.get("sp_entity_id") else {}
    settings: dict[str, Any] = {
        "attribute_mapping": {key: claims[key] for key in ("uid", "email", "first_name", "last_name")},
        "idp": {"entity_id": _required(entry, "idp_entity_id", where), "metadata_url": metadata_url},
        "sp": sp,
        "advanced": advanced,
        # The organisation's IdP is authoritative for its staff's addresses.
        "verified_email": bool(entry.get("trust_email", True)),
    }
    if entry.get("use_nameid_for_email"):
        settings["use_nameid_for_email"] = True
    return Provider(
        "saml",
        slug,
        entry.get("name") or slug,
        claims,
        {
            "provider_id": settings["idp"]["entity_id"],
            "name": entry.get("name") or slug,
            "client_id": slug,
            "settings": settings,
        },
    )


def _parse_roles(value: str) -> dict[str, str]:
    """'idp-group=Role;other=Role' → {'idp-group': 'Role', 'other': 'Role'}."""
    roles = {}
    for pair in filter(None, (item.strip() for item in value.split(";"))):
        group, _, role = pair.partition("=")
        roles[group.strip()] = role.strip()
    return roles


def _from_environment() -> dict:
    data: dict[str, Any] = {"oidc": [], "saml": []}
    if env_str("OIDC_DISCOVERY_URL"):
        data["oidc"].append(
            {
                "id": env_str("OIDC_ID", "oidc"),
                "name": env_str("OIDC_NAME", "l'annuaire du service"),
                "discovery_url": env_str("OIDC_DISCOVERY_URL"),
                "client_id": env_str("OIDC_CLIENT_ID"),
                "client_secret": env_str("OIDC_CLIENT_SECRET"),
                "scopes": env_list("OIDC_SCOPES", ["openid", "profile", "email"]),
                "claims": {
                    name: os.environ[f"OIDC_CLAIM_{name.upper()}"]
                    for name in PORTAL_FIELDS
                    if os.environ.get(f"OIDC_CLAIM_{name.upper()}")
                },
            }
        )
    if env_str("SAML_IDP_ENTITY_ID"):
        data["saml"].append(
            {
                "id": env_str("SAML_ID", "saml"),
                "name": env_str("SAML_NAME", "l'annuaire du service"),
                "idp_entity_id": env_str("SAML_IDP_ENTITY_ID"),
                "metadata_url": env_str("SAML_IDP_METADATA_URL"),
                "metadata_file": env_str("SAML_IDP_METADATA_FILE"),
                "sp_entity_id": env_str("SAML_SP_ENTITY_ID"),
                "sp_certificate_file": env_str("SAML_SP_CERTIFICATE_FILE"),
                "sp_private_key_file": env_str("SAML_SP_PRIVATE_KEY_FILE"),
                "claims": {
                    name: os.environ[f"SAML_ATTRIBUTE_{name.upper()}"]
                    for name in PORTAL_FIELDS
                    if os.environ.get(f"SAML_ATTRIBUTE_{name.upper()}")
                },
            }
        )
    return data


def parse(data: dict, *, local_login_default: bool = True) -> SSOConfig:
    providers = [oidc_provider(entry) for entry in data.get("oidc", [])]
    providers += [saml_provider(entry) for entry in data.get("saml", [])]
    ids = [provider.id for provider in providers]
    if len(set(ids)) != len(ids):
        raise ImproperlyConfigured("SSO: two identity providers share the same id")
    roles = data.get("roles") or {}
    for group, role in roles.items():
        if role not in ROLE_NAMES:
            raise ImproperlyConfigured(
                f"SSO roles: '{group}' maps to unknown role '{role}' (roles: {', '.join(ROLE_NAMES)})"
            )
    default_role = data.get("default_role", READERS)
    if default_role and default_role not in ROLE_NAMES:
        raise ImproperlyConfigured(f"SSO default_role: unknown role '{default_role}'")
    local_login = bool(data.get("local_login", local_login_default))
    if not local_login and not providers:
        raise ImproperlyConfigured("SSO: the local sign-in is switched off but no identity provider is configured")
    return SSOConfig(
        providers=providers,
        roles=dict(roles),
        allowed_domains=[domain.lower().lstrip("@") for domain in data.get("allowed_domains") or []],
        local_login=local_login,
        default_role=default_role or None,
    )


def load() -> SSOConfig:
    """The configuration from SSO_CONFIG_FILE, else from OIDC_*/SAML_*/SSO_* variables."""
    path = env_str("SSO_CONFIG_FILE")
    data = _read_file(path) if path else _from_environment()
    if not path:
        if env_str("SSO_ROLES"):
            data["roles"] = _parse_roles(env_str("SSO_ROLES"))
        data["allowed_domains"] = env_list("SSO_ALLOWED_DOMAINS")
        if env_str("SSO_DEFAULT_ROLE") is not None:
            data["default_role"] = env_str("SSO_DEFAULT_ROLE")
    if os.environ.get("PORTAL_LOCAL_LOGIN"):
        data["local_login"] = env_bool("PORTAL_LOCAL_LOGIN", True)
    return parse(data)


# The portal's provider classes add a nonce (OIDC) and keep what SAML single logout needs.
PROVIDER_CLASSES = {
    "openid_connect": "accounts.sso.providers.PortalOpenIDConnectProvider",
    "saml": "accounts.sso.providers.PortalSAMLProvider",
}


def socialaccount_providers(config: SSOConfig) -> dict:
    """django-allauth's SOCIALACCOUNT_PROVIDERS for these identity providers (no database rows needed)."""
    result: dict[str, dict] = {key: {"provider_class": path, "APPS": []} for key, path in PROVIDER_CLASSES.items()}
    for provider in config.providers:
        key = "openid_connect" if provider.protocol == "oidc" else "saml"
        result[key]["APPS"].append(provider.settings)
    return result


def portal_sso(config: SSOConfig) -> dict:
    """The portal's own SSO rules, read by accounts.sso."""
    return {
        "CLAIMS": {provider.settings["provider_id"]: provider.claims for provider in config.providers},
        "NAMES": {provider.settings["provider_id"]: provider.name for provider in config.providers},
        "ROLES": config.roles,
        "DEFAULT_ROLE": config.default_role,
        "ALLOWED_DOMAINS": config.allowed_domains,
    }


def django_settings(config: SSOConfig) -> dict:
    """Every Django setting that follows from the SSO configuration, as base.py sets them."""
    return {
        "SSO": config,
        "SOCIALACCOUNT_PROVIDERS": socialaccount_providers(config),
        "PORTAL_SSO": portal_sso(config),
        # The break-glass e-mail/password form; PORTAL_LOCAL_LOGIN=false (or local_login = false) removes it.
        "SOCIALACCOUNT_ONLY": not config.local_login,
    }
