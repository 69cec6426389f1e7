"""Identity providers are configured from the environment or a file, without code changes."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings import sso


def test_a_toml_file_describes_oidc_and_saml_providers(tmp_path, monkeypatch):
    certificate = tmp_path / "sp.crt"
    certificate.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    key = tmp_path / "sp.key"
    key.write_text("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n")
    metadata = tmp_path / "idp.xml"
    metadata.write_text("<EntityDescriptor/>")
    config_file = tmp_path / "sso.toml"
    config_file.write_text(
        f"""
allowed_domains = ["AST62-59.fr"]
[roles]
"GG-Intranet-Pilotes" = "Pilotes"
[[oidc]]
id = "keycloak"
name = "Keycloak du service"
discovery_url = "https://sso.example.org/realms/ast"
client_id = "intranet"
client_secret_env = "KEYCLOAK_SECRET"
scopes = ["openid", "email", "profile", "groups"]
claims = {{ metier = "job_family" }}
[[saml]]
id = "adfs"
name = "ADFS"
idp_entity_id = "http://adfs.example.org/adfs/services/trust"
metadata_file = "{metadata}"
sp_certificate_file = "{certificate}"
sp_private_key_file = "{key}"
claims = {{ email = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" }}
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("SSO_CONFIG_FILE", str(config_file))
    monkeypatch.setenv("KEYCLOAK_SECRET", "le-secret")

    config = sso.load()
    providers = sso.socialaccount_providers(config)

    oidc = providers["openid_connect"]["APPS"][0]
    assert (oidc["provider_id"], oidc["name"], oidc["client_id"], oidc["secret"]) == (
        "keycloak",
        "Keycloak du service",
        "intranet",
        "le-secret",
    )
    assert oidc["settings"]["server_url"] == "https://sso.example.org/realms/ast"
    assert "groups" in oidc["settings"]["scope"]
    saml = providers["saml"]["APPS"][0]
    assert saml["client_id"] == "adfs"
    assert saml["settings"]["idp"]["metadata_url"] == metadata.resolve().as_uri()
    assert saml["settings"]["advanced"]["x509cert"].startswith("-----BEGIN CERTIFICATE-----")
    assert saml["settings"]["advanced"]["authn_request_signed"] is True
    assert saml["settings"]["advanced"]["want_assertion_signed"] is True
    assert saml["settings"]["attribute_mapping"]["email"].endswith("emailaddress")
    rules = sso.portal_sso(config)
    assert rules["ALLOWED_DOMAINS"] == ["ast62-59.fr"]
    assert rules["CLAIMS"]["keycloak"]["metier"] == "job_family"
    assert rules["ROLES"] == {"GG-Intranet-Pilotes": "Pilotes"}


def test_environment_variables_describe_one_oidc_provider(monkeypatch):
    monkeypatch.delenv("SSO_CONFIG_FILE", raising=False)
    monkeypatch.setenv("OIDC_DISCOVERY_URL", "https://login.microsoftonline.com/tenant/v2.0")
    monkeypatch.setenv("OIDC_NAME", "Microsoft Entra ID")
    monkeypatch.setenv("OIDC_CLIENT_ID", "abc")
    monkeypatch.setenv("OIDC_CLIENT_SECRET", "def")
    monkeypatch.setenv("OIDC_CLAIM_GROUPS", "roles")
    monkeypatch.setenv("SSO_ROLES", "Intranet.Admin=Administrateurs; Intranet.Pilote=Pilotes")
    monkeypatch.setenv("SSO_ALLOWED_DOMAINS", "ast62-59.fr,medecine-travail.fr")
    monkeypatch.setenv("PORTAL_LOCAL_LOGIN", "false")

    config = sso.load()

    assert [provider.name for provider in config.providers] == ["Microsoft Entra ID"]
    assert config.providers[0].claims["groups"] == "roles"
    assert config.roles == {"Intranet.Admin": "Administrateurs", "Intranet.Pilote": "Pilotes"}
    assert config.allowed_domains == ["ast62-59.fr", "medecine-travail.fr"]
    assert config.local_login is False


def test_no_provider_configured_keeps_local_sign_in(monkeypatch):
    for name in ("SSO_CONFIG_FILE", "OIDC_DISCOVERY_URL", "SAML_IDP_ENTITY_ID", "PORTAL_LOCAL_LOGIN"):
        monkeypatch.delenv(name, raising=False)
    config = sso.load()
    assert config.providers == []
    assert config.local_login is True
    assert all(not entry["APPS"] for entry in sso.socialaccount_providers(config).values())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"oidc": [{"id": "x", "client_id": "a", "client_secret": "b"}]}, "'discovery_url' is required"),
        ({"saml": [{"id": "x", "idp_entity_id": "e"}]}, "'metadata_url' or 'metadata_file' is required"),
        ({"roles": {"g": "Super-héros"}}, "unknown role 'Super-héros'"),
        (
            {
                "oidc": [
                    {"id": "x", "discovery_url": "u", "client_id": "a", "client_secret": "b", "claims": {"age": "a"}}
                ]
            },
            "unknown claim mapping 'age'",
        ),
        ({"local_login": False}, "local sign-in is switched off but no identity provider"),
    ],
)
def test_configuration_mistakes_are_reported_at_start_up(data, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        sso.parse(data)
