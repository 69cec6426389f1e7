"""Shared fixtures: a site tree with its sections, and one account per persona."""

import os
import shutil
import tempfile

import pytest
from hypothesis import settings as hypothesis_settings

# Identity providers on 127.0.0.1 and the portal configured for them (single sign-on tests).
pytest_plugins = ["tests.identity_providers.fixtures"]

# Uploads of this run go to a private temporary folder (read by portal.settings.test); with pytest-xdist, one
# folder per worker, each removed by its own worker at the end.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_MEDIA_ROOT = tempfile.mkdtemp(prefix=f"portal-test-media-{_WORKER}")
if _WORKER:
    os.environ["PORTAL_TEST_MEDIA_ROOT"] = _MEDIA_ROOT
else:
    os.environ.setdefault("PORTAL_TEST_MEDIA_ROOT", _MEDIA_ROOT)
# Hypothesis keeps no example database in the checkout; one example (a request, an import) gets two seconds,
# generous on a loaded two-core machine, and each test's budget is its max_examples.
hypothesis_settings.register_profile("portal", database=None, deadline=2000)
hypothesis_settings.load_profile("portal")
# Sync Playwright runs an event loop in the test thread; Django must still allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_MEDIA_ROOT, ignore_errors=True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """With pytest-xdist (`make test`: --dist loadgroup), a module whose tests share a fixture set up once per
    module (servers, seeded data) keeps its tests on one worker; other tests are dealt one by one, in the
    order pytest-django gives them (tests that empty the database last)."""
    # Tests that start their own servers do not use the suite's database: the PostgreSQL pass (DATABASE_URL)
    # leaves them to the SQLite pass rather than running them twice.
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        kept = [item for item in items if not item.get_closest_marker("own_servers")]
        if len(kept) != len(items):
            config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("own_servers")])
            items[:] = kept
    shared_scopes = ("module", "class", "package")
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        definitions = info.name2fixturedefs.items() if info else ()
        # Plugins' private fixtures (pytest-django's class-scoped unittest set-up) do not count.
        if any(
            definition and definition[-1].scope in shared_scopes and not name.startswith("_")
            for name, definition in definitions
        ):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (PORTAL_STRICT_TESTS=1) a test skipped for a missing component is a failure, except the tests
    against an external search engine when none is configured (no such server can run on these machines)."""
    outcome = yield
    report = outcome.get_result()
    no_engine = item.get_closest_marker("external_engine") and not os.environ.get("SEARCH_URL")
    if (
        report.skipped
        and os.environ.get("PORTAL_STRICT_TESTS") == "1"
        and not hasattr(report, "wasxfail")
        and not no_engine
    ):
        report.outcome = "failed"
        report.longrepr = f"Skipped in strict mode (PORTAL_STRICT_TESTS=1): {report.longrepr}"


@pytest.fixture
def home(db):
    from home.services.site_tree import ensure_home

    return ensure_home()


@pytest.fixture
def sections(home):
    """Every section page (groups, news, agenda…), keyed by model label."""
    from home.services.site_tree import ensure_sections

    return ensure_sections()


@pytest.fixture
def roles(db):
    from accounts.roles import ensure_roles

    return ensure_roles()


def _make_user(django_user_model, email, first_name, last_name, groups=(), **extra):
    user = django_user_model.objects.create_user(
        username=email.split("@")[0],
        email=email,
        password="motdepasse-de-test",
        first_name=first_name,
        last_name=last_name,
        **extra,
    )
    for group in groups:
        user.groups.add(group)
    return user


@pytest.fixture
def reader(django_user_model, roles):
    from accounts.roles import READERS

    return _make_user(django_user_model, "lecteur@example.org", "Lina", "Lecteur", [roles[READERS]])


@pytest.fixture
def project_officer(django_user_model, roles):
    from accounts.roles import PROJECT_OFFICERS

    return _make_user(django_user_model, "charge@example.org", "Laura", "Chargée", [roles[PROJECT_OFFICERS]])


@pytest.fixture
def administrator(django_user_model, roles):
    from accounts.roles import ADMINISTRATORS

    return _make_user(
        django_user_model,
        "admin@example.org",
        "Alain",
        "Admin",
        [roles[ADMINISTRATORS]],
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def signed_in(db):
    """A new browser signed in as the given account: usable next to `client` and the other browsers."""
    from django.test import Client

    def browser_for(user):
        browser = Client()
        browser.force_login(user)
        return browser

    return browser_for


@pytest.fixture
def officer_client(signed_in, project_officer):
    """A second browser, signed in as the project officer (usable next to reader_client)."""
    return signed_in(project_officer)


@pytest.fixture
def admin_client(signed_in, administrator):
    """A browser signed in as an administrator (a superuser of the portal's own, not pytest-django's)."""
    return signed_in(administrator)


@pytest.fixture
def pilot(django_user_model, roles):
    """An account with no role yet: a test makes it the pilot of its group."""
    return django_user_model.objects.create_user(
        username="pilote",
        email="pilote@example.org",
        password="motdepasse-de-test",
        first_name="Paul",
        last_name="Pilote",
    )


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's latest state as `user`, running what waits for the commit (the e-mail tasks)."""

    def _publish(page, user=None):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
        return page

    return _publish


@pytest.fixture
def page_of_each_type(sections):
    """One live page of every page type, keyed by model label ("news.NewsPage"…), sections included."""
    from tests import factories

    group = factories.WorkingGroupPageFactory()
    pages = dict(sections)
    pages["home.HomePage"] = sections["news.NewsIndexPage"].get_parent().specific
    pages["base.StandardPage"] = factories.StandardPageFactory()
    pages["projects.WorkingGroupPage"] = group
    pages["projects.MicroProjectPage"] = factories.MicroProjectPageFactory(parent=group)
    pages["projects.NeedsSheetPage"] = factories.NeedsSheetPageFactory()
    pages["news.NewsPage"] = factories.NewsPageFactory()
    pages["events.EventPage"] = factories.EventPageFactory()
    pages["knowledge.CaseStudyPage"] = factories.CaseStudyPageFactory()
    pages["knowledge.ApproachPage"] = factories.ApproachPageFactory()
    from legal.services.personal_data_page import ensure_personal_data_page

    pages["legal.PersonalDataPage"] = ensure_personal_data_page()
    return pages


@pytest.fixture
def committee(db):
    """A Wagtail group to which restricted content is limited (a committee, a working group's inner circle)."""
    from django.contrib.auth.models import Group

    return Group.objects.create(name="Comité stratégique")


@pytest.fixture
def committee_member(django_user_model, roles, committee):
    from accounts.roles import READERS

    return _make_user(django_user_model, "membre@example.org", "Marc", "Membre", [roles[READERS], committee])


@pytest.fixture
def member_client(signed_in, committee_member):
    """A browser signed in as a reader who belongs to the committee (usable next to reader_client)."""
    return signed_in(committee_member)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached sites, sessions or the search's vocabulary and thesaurus
    (kept in memory) never leak from one test to the next."""
    from django.core.cache import cache

    from search.services.thesaurus import forget_loaded_thesaurus
    from search.services.vocabulary import forget_loaded_vocabulary

    cache.clear()
    forget_loaded_vocabulary()
    forget_loaded_thesaurus()
    yield
    cache.clear()
