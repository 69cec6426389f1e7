"""Settings shared by every environment. Values that differ come from the environment."""

import os
from pathlib import Path

from csp import constants as csp
from django.utils.translation import gettext_lazy as _

from . import security, sso
from .env import env_bool, env_int, env_list, env_str, env_time
from .resilience import client_timeout, health_check_timeout
from .search import search_backends
from .storage import accel_redirect_prefix

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("PORTAL_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo accounts and demo content may only be loaded where this is true.
PORTAL_DEMO = False

INSTALLED_APPS = [
    # Portal apps
    "accounts",
    "base",
    "people",
    "home",
    "projects",
    "news",
    "events",
    "knowledge",
    "documents",
    "search",
    "participation",
    "personal_feeds",
    "dashboard",
    "governance",
    "importer",
    "demo",
    "operations",
    "legal",
    # Wagtail
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    # Sign-in
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "wagtail.api.v2",
]

# Background tasks (text extraction of uploaded documents): stored in the database, run by
# `manage.py db_worker` (started by `make run`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The same in every environment.
MIDDLEWARE = [
    # First: its headers (private caching, see portal/security.py) reach every response, even those answered
    # before SecurityMiddleware.
    "portal.security.PrivateResponseMiddleware",
    # /health/ answers before any session, user or site is read (a probe's cookie must not make it fail).
    "portal.errors.HealthCheckMiddleware",
    # The content version shared pieces are cached under, read at most once per request (base.caches).
    "base.content_version.ContentVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "base.sites.CachedSiteMiddleware",
    "portal.middleware.PortalLoginRequiredMiddleware",
    "portal.middleware.AdminAccessMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.sso.middleware.IdentityProviderErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "base.context_processors.navigation",
                "accounts.context_processors.sign_in",
                "accounts.context_processors.account_menu",
            ],
            # French typography for the `date` filter in every template ("1er décembre").
            "builtins": ["base.templatetags.french"],
        },
    },
]

# DATABASES, CACHES and STORAGES are set by each environment (dev.py, test.py, production.py). How long a web
# request waits for PostgreSQL: portal/settings/resilience.py.
DATABASE_CLIENT_TIMEOUT = client_timeout()
DATABASE_HEALTH_CHECK_TIMEOUT = health_check_timeout()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is given, memory otherwise (resilience.caches).
REDIS_URL = env_str("REDIS_URL") or env_str("CACHE_URL")

# Accounts and sign-in
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.PortalAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
# A signed-in user sent to the sign-in page (admin or restricted page refused) sees it, instead of being
# bounced back to the refused page in a redirect loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# A reset asked for an address no account has sends nothing: the page answers the same either way.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_SESSION_REMEMBER = None
# Sign-in throttling: counted in the database (accounts/throttle.py), per client address as the trusted proxy
# gives it (none is trusted unless named: the number of proxies of ours in front, or the header one sets).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# Single sign-on (OpenID Connect, SAML), see portal/settings/sso.py and the README.
SSO = sso.load()
SOCIALACCOUNT_PROVIDERS = sso.socialaccount_providers(SSO)
PORTAL_SSO = sso.portal_sso(SSO)
# The break-glass e-mail/password form; PORTAL_LOCAL_LOGIN=false (or local_login = false) removes it.
SOCIALACCOUNT_ONLY = not SSO.local_login
SOCIALACCOUNT_ADAPTER = "accounts.sso.adapter.PortalSocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
# An account with the same e-mail, verified by the IdP, is linked rather than duplicated.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = env_int("SSO_REQUESTS_TIMEOUT", 10)
# Sessions live in the database only: signing out is final whatever a cache did meanwhile. Read in one query
# with the content version (base.sessions).
SESSION_ENGINE = "base.sessions"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 10)
# Days after the reminder to a page's responsable before the project officers hear of a page still unchecked.
GOVERNANCE_ESCALATION_DAYS = env_int("GOVERNANCE_ESCALATION_DAYS", 14)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Internationalisation: French first.
LANGUAGE_CODE = "fr-fr"
LANGUAGES = [("fr", _("Français"))]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]

# Static files, served by WhiteNoise; uploaded media only through signed-in views.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Set to an nginx internal location (for example "/protected-media/") to let the web server
# send the bytes once Django has checked the session; not with object storage (MEDIA_S3_BUCKET).
MEDIA_ACCEL_REDIRECT_PREFIX = accel_redirect_prefix()
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: SMTP when EMAIL_HOST is given.
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "intranet@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[Intranet] "
# Right to disconnect (code du travail L2242-17): notification e-mails wait for the working hours that
# administrators set (participation.WorkingHours); false sends at any hour.
PORTAL_QUIET_HOURS = env_bool("PORTAL_QUIET_HOURS", True)

# Retention of personal data (base.retention, applied by `manage.py apply_retention`, shown on the
# « Données personnelles » page).
PORTAL_SEARCH_LOG_RETENTION_MONTHS = env_int("PORTAL_SEARCH_LOG_RETENTION_MONTHS", 13)
PORTAL_READ_NOTIFICATION_RETENTION_DAYS = env_int("PORTAL_READ_NOTIFICATION_RETENTION_DAYS", 180)

# Jobs the task worker starts once a day at PORTAL_DAILY_JOBS_AT, local time (operations.daily): no cron needed.
PORTAL_DAILY_JOBS = ["governance.tasks.remind_reviews_daily", "legal.tasks.apply_retention_periods"]
PORTAL_DAILY_JOBS_AT = env_time("PORTAL_DAILY_JOBS_AT", "06:00")

# Wagtail
WAGTAIL_SITE_NAME = env_str("PORTAL_SITE_NAME", "Projet de service")
WAGTAILADMIN_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# allauth names the site by the request's host ("[127.0.0.1:8000]") when django.contrib.sites is not installed.
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Avatars are uploaded or initials: no request leaves the intranet for Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILDOCS_DOCUMENT_MODEL = "documents.PortalDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.PortalDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "base.image_forms.PortalImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# The database (SQLite FTS5 or PostgreSQL French full text), or Elasticsearch/OpenSearch beside it when
# SEARCH_URL is set (portal/settings/search.py, docs/search.md).
WAGTAILSEARCH_BACKENDS = search_backends(os.environ)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "portal": {"level": env_str("LOG_LEVEL", "INFO")},
        # One line per background task or publication is noise on the console; both are in the admin's logs.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Security headers and policies, in every environment (development too, so that a page the policy would break
# shows it locally); the policy and the private-cache rule are explained in portal/security.py. HTTPS-only
# settings (HSTS, secure cookies, redirection) are in production.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        # Inline <style> in the error pages and the SVG charts; see portal/security.py.
        "style-src": [csp.SELF, csp.UNSAFE_INLINE],
        "img-src": [csp.SELF],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "frame-src": [csp.SELF],
        "frame-ancestors": [csp.SELF],
        "form-action": [csp.SELF],
        "base-uri": [csp.SELF],
        "object-src": [csp.NONE],
    }
}
# Extra origins a sign-in form may be redirected to (a SAML IdP whose page is not beside its metadata).
CSP_FORM_ACTION_ORIGINS = env_list("CSP_FORM_ACTION_ORIGINS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview frames allow themselves (same origin); nothing else may frame the portal.
X_FRAME_OPTIONS = "DENY"
# Documents: a known type (portal/settings/security.py), shown in the browser only for PDF (which cannot reach
# the intranet's pages); everything else is downloaded. Wagtail adds nosniff and a "default-src 'none'" policy
# to every download.
WAGTAILDOCS_CONTENT_TYPES = security.DOCUMENT_CONTENT_TYPES
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# The admin asks no outside server whether Wagtail is up to date: nothing leaves the intranet.
WAGTAIL_ENABLE_UPDATE_CHECK = False
