"""Local development and demo: `make run`. MIDDLEWARE, the same everywhere, is in base.py."""

from .base import *  # noqa: F403
from .base import REDIS_URL, VAR_DIR
from .databases import database_from_environment
from .env import env_bool, env_str
from .resilience import caches
from .storage import media_storage

# The portal's own French error pages (404, 403, 500) show unless DEBUG=true is set explicitly.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-secret-key-not-for-production-use-0123456789")
PORTAL_DEMO = env_bool("PORTAL_DEMO", True)

# An SQLite file under var/ unless DATABASE_URL says otherwise; memory unless REDIS_URL names a Redis.
DATABASES = {"default": database_from_environment(VAR_DIR / "portal.sqlite3")}
CACHES = caches(REDIS_URL, key_prefix=env_str("CACHE_KEY_PREFIX", "portal"))
STORAGES = {
    "default": media_storage(),
    # Manifest storage needs collectstatic; WhiteNoise serves the sources straight from static/ and the apps,
    # with DEBUG on or off.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if not env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
