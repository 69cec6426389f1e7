"""Settings of the load benchmark: production's, plus the floor view (bench/load/urls.py) and a header giving
each response's SQL query count. Documents' text is read while the site is seeded, not left to a worker."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.load.urls"
# First, so that the session and user lookups of the other middleware are counted too.
MIDDLEWARE = ["bench.load.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
LOGGING["loggers"]["portal"]["level"] = "WARNING"  # noqa: F405
