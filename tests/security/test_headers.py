"""Security headers on every kind of response: pages, errors, feeds, calendars, API, files, static, health."""

import importlib

import pytest
from django.conf import settings

from personal_feeds.services import token_for
from tests import factories
from tests.sample_files import pdf_bytes

BASELINE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_baseline(response):
    for header, value in BASELINE.items():
        assert response.get(header) == value, (header, response.get(header))


def assert_page_policy(response):
    """An HTML page: no inline or outside script, no plugin, framed and submitted only on the portal."""
    assert_baseline(response)
    assert response["X-Frame-Options"] == "DENY"
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["img-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["form-action"][0] == "'self'"


def cache_directives(response) -> set[str]:
    return {item.strip().split("=")[0] for item in response.get("Cache-Control", "").split(",") if item.strip()}


def assert_private(response):
    """A shared cache (proxy) may never keep it: private, varies with the session cookie, never public."""
    directives = cache_directives(response)
    assert "private" in directives, response.get("Cache-Control")
    assert not directives & {"public", "s-maxage"}, response.get("Cache-Control")
    assert "Cookie" in [value.strip() for value in response.get("Vary", "").split(",")]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def news(sections):
    return factories.NewsPageFactory(title="Campagne de vaccination")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/actualites/",
        "/recherche/?q=vaccination",
        "/mon-compte/abonnements/",
        "/notifications/",
    ],
)
def test_signed_in_html_pages_carry_the_policy_and_are_private(reader_client, news, path):
    response = reader_client.get(path, follow=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert_page_policy(response)
    assert_private(response)


@pytest.mark.django_db
def test_a_content_page_carries_the_policy_and_is_private(reader_client, news):
    response = reader_client.get(news.url)
    assert response.status_code == 200
    assert_page_policy(response)
    assert_private(response)


@pytest.mark.django_db
def test_a_view_that_says_no_store_keeps_it(reader_client, home):
    response = reader_client.get("/api/search/?q=sante")
    assert {"private", "no-store"} <= cache_directives(response)
    assert_baseline(response)


@pytest.mark.django_db
def test_sign_in_page_for_an_anonymous_visitor(client, home):
    response = client.get("/comptes/connexion/")
    assert response.status_code == 200
    assert_page_policy(response)
    # It sets the CSRF cookie: no shared cache may hand that page (and its token) to someone else.
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert_private(response)


@pytest.mark.django_db
def test_redirect_to_sign_in_carries_the_headers(client, home):
    response = client.get("/actualites/")
    assert response.status_code == 302
    assert "/comptes/connexion/" in response["Location"]
    assert_page_policy(response)


@pytest.mark.django_db
def test_signed_in_redirect_is_private(reader_client, home):
    response = reader_client.get("/recherche")  # CommonMiddleware adds the slash
    assert response.status_code == 301
    assert_page_policy(response)
    assert_private(response)


@pytest.mark.django_db
def test_404_page(reader_client, home):
    response = reader_client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert_page_policy(response)
    assert_private(response)


@pytest.mark.django_db
def test_403_page(reader_client, home):
    response = reader_client.get("/admin/")
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()
    assert_page_policy(response)
    assert_private(response)


@pytest.mark.django_db
def test_500_page(reader_client, home, settings):
    settings.ROOT_URLCONF = "tests.security.urls"
    reader_client.raise_request_exception = False
    response = reader_client.get("/panne/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()
    assert_page_policy(response)
    assert_private(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/flux/actualites.rss", "application/rss+xml"),
        ("/flux/actualites.atom", "application/atom+xml"),
        ("/flux/agenda.ics", "text/calendar"),
        ("/api/search/?q=vaccination", "application/json"),
        ("/api/v2/pages/", "application/json"),
    ],
)
def test_feeds_calendars_and_api_are_private(reader_client, news, path, content_type):
    response = reader_client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert_baseline(response)
    assert_private(response)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["actualites.rss", "actualites.atom", "agenda.ics"])
def test_personal_feeds_served_without_session_are_never_kept_by_a_shared_cache(client, reader, news, name):
    secret = token_for(reader)[0].secret
    response = client.get(f"/flux/personnel/{secret}/{name}")
    assert response.status_code == 200
    assert_baseline(response)
    assert {"private", "no-store"} <= cache_directives(response)
    assert "public" not in cache_directives(response)


@pytest.mark.django_db
def test_image_under_media_is_a_private_image_with_nosniff(reader_client, db):
    image = factories.ImageFactory(file__filename="affiche.png", file__format="PNG", file__color="blue")
    response = reader_client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert_baseline(response)
    assert_private(response)
    assert "sandbox" in policy(response)


@pytest.mark.django_db
def test_document_download(reader_client, db):
    document = factories.make_document("compte-rendu.pdf", pdf_bytes("Compte rendu"))
    response = reader_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_baseline(response)
    assert_private(response)
    assert policy(response)["default-src"] == ["'none'"]


@pytest.mark.django_db
def test_static_files_stay_cacheable_by_everyone(client):
    response = client.get("/static/css/base.css")
    assert response.status_code == 200
    assert_baseline(response)
    assert "private" not in cache_directives(response)
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
def test_health_check(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert_baseline(response)
    assert "no-store" in cache_directives(response)


@pytest.fixture
def production(monkeypatch, settings):
    """The HTTPS settings of portal.settings.production applied to the test settings."""
    monkeypatch.setenv("SECRET_KEY", "test-only-secret-key-for-the-production-settings-0123456789")
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD"):
        monkeypatch.delenv(name, raising=False)
    module = importlib.import_module("portal.settings.production")
    module = importlib.reload(module)
    for name in dir(module):
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_")):
            setattr(settings, name, getattr(module, name))
    return module


@pytest.mark.django_db
def test_production_redirects_to_https_and_sends_hsts_with_secure_cookies(client, reader, home, production):
    assert client.get("/comptes/connexion/").status_code == 301  # plain HTTP goes to HTTPS

    response = client.get("/comptes/connexion/", secure=True)
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    assert response.cookies[settings.CSRF_COOKIE_NAME]["secure"]

    response = client.post(
        "/comptes/connexion/", {"login": reader.email, "password": "motdepasse-de-test"}, secure=True
    )
    assert response.status_code == 302
    session_cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["secure"] and session_cookie["httponly"]
    home_page = client.get("/", secure=True)
    assert home_page.status_code == 200
    assert_page_policy(home_page)
    assert_private(home_page)


@pytest.mark.django_db
def test_admin_scripts_allowed_only_in_the_admin_for_editors(officer_client, reader_client, home):
    admin = officer_client.get("/admin/")
    assert admin.status_code == 200
    assert policy(admin)["script-src"] == ["'self'", "'unsafe-inline'"]
    assert_private(admin)
    # The same editor on the front end, and a reader refused at the admin, get the strict policy.
    assert_page_policy(officer_client.get("/"))
    assert_page_policy(reader_client.get("/admin/pages/"))


@pytest.mark.django_db
def test_sign_in_form_may_be_sent_to_the_configured_identity_provider(client, home, sso_settings):
    from tests.identity_providers.fixtures import oidc_entry

    sso_settings(oidc=[oidc_entry("https://idp.example.org:8443/realms/ast/.well-known/openid-configuration")])
    response = client.get("/comptes/connexion/")
    assert policy(response)["form-action"] == ["'self'", "https://idp.example.org:8443"]
