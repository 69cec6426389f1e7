"""Settings of a benchmark corpus: the development settings, with background tasks run at once (document
text is read and pages are indexed while the corpus is built) and quiet logs."""

from portal.settings.dev import *  # noqa: F403

DEBUG = False
PORTAL_DEMO = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
LOGGING["loggers"]["portal"]["level"] = "WARNING"  # noqa: F405
