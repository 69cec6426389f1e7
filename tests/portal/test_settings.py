"""Production settings are safe to deploy; migrations match the models (each check in a fresh process)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def _run(*args, **env_changes):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PORTAL_"))}
    env.pop("DATABASE_URL", None)
    env.pop("SECRET_KEY", None)
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=240, check=False
    )


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory):
    """Production settings create their SQLite folder: keep it out of the repository."""
    return str(tmp_path_factory.mktemp("var"))


def test_production_settings_pass_check_deploy(var_dir):
    result = _run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="intranet.example.org",
        PORTAL_VAR_DIR=var_dir,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(var_dir):
    result = _run(
        "-c",
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ALLOWED_HOSTS="intranet.example.org",
        PORTAL_VAR_DIR=var_dir,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_is_not_in_debug_or_demo_mode(var_dir):
    result = _run(
        "-c",
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.PORTAL_DEMO, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DEBUG="1",
        PORTAL_DEMO="1",
        PORTAL_VAR_DIR=var_dir,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True", "True", "True"]


def test_migrations_match_the_models(var_dir):
    result = _run(
        "manage.py",
        "makemigrations",
        "--check",
        "--dry-run",
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_VAR_DIR=var_dir,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout
