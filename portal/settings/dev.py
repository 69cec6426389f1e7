"""Local development and demo: `make run`."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

# The portal's own French error pages (404, 403, 500) show unless DEBUG=true is set explicitly.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-secret-key-not-for-production-use-0123456789")
PORTAL_DEMO = env_bool("PORTAL_DEMO", True)

if not env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Manifest storage needs collectstatic; WhiteNoise serves the sources straight from static/ and the apps,
# with DEBUG on or off.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
