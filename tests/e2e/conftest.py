"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

from pathlib import Path

import pytest

from .content import PASSWORD, READER_EMAIL, build_portal

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SKIP_REASON = f"Chromium est absent ({CHROMIUM}) : installez le paquet Debian « chromium » (make test-packages)."
HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    """Skip this folder's tests, with the reason, when the browser is missing (a failure in CI strict mode)."""
    if CHROMIUM.exists():
        return
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "fr-FR",
        "timezone_id": "Europe/Paris",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture
def portal(transactional_db, live_server):
    """The content of a small portal (every page type) and its URLs; the live server's host needs no Site,
    since Wagtail falls back to the default site."""
    return build_portal()


def sign_in(page, base_url: str, email: str = READER_EMAIL, password: str = PASSWORD, next_path: str = "/"):
    """Sign in through the real allauth form, starting from a private page."""
    page.goto(base_url + next_path)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mot de passe", exact=False).first.fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


@pytest.fixture
def signed_in_page(page, live_server, portal):
    """A browser tab signed in as a reader (a nurse who is a member of the main working group)."""
    sign_in(page, live_server.url)
    return page


@pytest.fixture(scope="session")
def base_url():
    """No base URL: the tests build absolute URLs from live_server.url (and pytest-playwright's own
    fallback fixture is deprecated by pytest)."""
    return None
