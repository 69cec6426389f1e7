"""The browser tests' fixtures (Chromium, the small portal) shared with tests/e2e."""

from tests.e2e.conftest import base_url, browser_context_args, browser_type_launch_args, portal  # noqa: F401
