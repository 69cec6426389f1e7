"""Settings for the test suite: SQLite in memory unless DATABASE_URL names a server. MIDDLEWARE, the same
everywhere, is in base.py."""

import os
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .resilience import THROTTLE_CACHE
from .search import search_backends
from .storage import media_storage

# A SEARCH_URL left in a shell never points the suite at a server: the live engine tests opt in themselves.
WAGTAILSEARCH_BACKENDS = search_backends({})

DEBUG = False
SECRET_KEY = "test-secret-key-only-used-by-the-test-suite-0123456789abcdef"
PORTAL_DEMO = True
# The suite runs at any hour: the quiet-hours tests turn the working hours on themselves.
PORTAL_QUIET_HOURS = False

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A test database is thrown away: commits need not wait for the disk (this session only, not the server).
        DATABASES["default"]["OPTIONS"] = {"options": "-c synchronous_commit=off"}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "throttle": THROTTLE_CACHE}
STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test run writes its uploads to its own folder (set by tests/conftest.py).
MEDIA_ROOT = Path(os.environ.get("PORTAL_TEST_MEDIA_ROOT", "/tmp/portal-test-media"))

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ACCOUNT_RATE_LIMITS = False
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Serve static files straight from the apps and static/ (no collectstatic before tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tasks run at once, inside the request or the test that enqueues them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
