"""Production: everything sensitive comes from the environment; demo mode is off.

The headers sent in every environment (Content-Security-Policy, Referrer-Policy, nosniff, framing) and
MIDDLEWARE are in base.py; here, what only makes sense over HTTPS. `manage.py check --deploy` passes with
these settings.
"""

from .base import *  # noqa: F403
from .base import REDIS_URL, VAR_DIR
from .databases import database_from_environment
from .env import env_bool, env_int, env_required, env_str
from .resilience import caches
from .storage import media_storage

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
PORTAL_DEMO = False

# PostgreSQL in DATABASE_URL (an SQLite file under var/ without it); Redis in REDIS_URL, shared by every worker
# and instance (each process's memory without it).
DATABASES = {"default": database_from_environment(VAR_DIR / "portal.sqlite3")}
CACHES = caches(REDIS_URL, key_prefix=env_str("CACHE_KEY_PREFIX", "portal"))
STORAGES = {
    "default": media_storage(),
    # Compressed files with hashed names, written by collectstatic and served by WhiteNoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

if env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
