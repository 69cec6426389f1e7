"""The portal's own French error pages: 404 and 500 under `make run` (dev settings), 403 for the admin."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from tests.utils import is_redirect_to_sign_in, page_text

BASE_DIR = Path(__file__).resolve().parents[2]


def _dev_settings(code: str, **env_changes) -> subprocess.CompletedProcess:
    """Run `code` with the dev settings (those of `make run`) in a fresh process."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PORTAL_"))}
    for name in ("DATABASE_URL", "DEBUG"):
        env.pop(name, None)
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.dev", **env_changes)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; " + code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_dev_settings_show_the_portal_error_pages_and_still_serve_static_files(tmp_path):
    result = _dev_settings(
        "print(settings.DEBUG, settings.WHITENOISE_USE_FINDERS, settings.WHITENOISE_AUTOREFRESH, "
        "'127.0.0.1' in settings.ALLOWED_HOSTS, 'localhost' in settings.ALLOWED_HOSTS)",
        PORTAL_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "True"]


def test_dev_settings_debug_only_when_asked(tmp_path):
    result = _dev_settings("print(settings.DEBUG)", PORTAL_VAR_DIR=str(tmp_path), DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_dev_settings_serve_css_through_whitenoise(tmp_path):
    """With DEBUG off, the stylesheet still comes from static/ (WhiteNoise, no collectstatic)."""
    code = (
        "from django.test import Client; "
        "response = Client(HTTP_HOST='127.0.0.1').get('/static/css/base.css'); "
        "print(response.status_code, response.get('Content-Type'))"
    )
    result = _dev_settings(code, PORTAL_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["200", "text/css;"]


@pytest.mark.django_db
def test_missing_page_shows_the_french_404_page(reader_client, home):
    response = reader_client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    text = page_text(response)
    assert "Page introuvable" in text
    assert "Retour à l’accueil" in text
    assert "URLconf" not in text


@pytest.mark.django_db
def test_server_error_shows_the_french_500_page(client, home):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Une erreur est survenue" in html
    assert 'lang="fr"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/account/"])
def test_reader_opening_the_admin_gets_a_french_403_page_with_a_way_home(reader_client, home, path):
    response = reader_client.get(path)
    assert response.status_code == 403
    assert "403.html" in [template.name for template in response.templates]
    text = page_text(response)
    assert "Accès refusé" in text
    assert "autorisation" not in text.lower()
    assert 'href="/"' in response.content.decode()


@pytest.mark.django_db
def test_reader_may_still_sign_out_through_the_admin(reader_client, home):
    response = reader_client.post("/admin/logout/")
    assert response.status_code == 302


@pytest.mark.django_db
def test_anonymous_visitor_to_the_admin_is_still_sent_to_sign_in(client, home):
    assert is_redirect_to_sign_in(client.get("/admin/"), next_url="/admin/")


@pytest.mark.django_db
def test_project_officer_opens_the_admin(officer_client, home):
    assert officer_client.get("/admin/").status_code == 200


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_admin_refusal_is_not_a_debug_page(reader_client, home):
    response = reader_client.get("/admin/")
    assert response.status_code == 403
    assert "Accès refusé" in page_text(response)
