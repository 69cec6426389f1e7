"""How the engine's candidates are read: a small window first, the index's order kept a while by each process,
and on SQLite the index asked in the way that suits the source's share of it; never more seen than allowed."""

import pytest
from django.db import connection
from wagtail.models import Page

import search.backends as backends
from search.backends import allowed_in_windows
from search.parameters import SearchFilters
from search.services.site_search import search_site
from tests import factories
from tests.utils import restrict_page_to_groups


def _titles(user, query) -> set[str]:
    outcome = search_site(type(user).objects.get(pk=user.pk), query, SearchFilters())
    return {item.record.title for item in outcome.items}


@pytest.mark.django_db
def test_the_kept_order_never_shows_a_page_restricted_since(reader, committee_member, committee, sections):
    page = factories.NewsPageFactory(title="Amiante au chantier")
    factories.NewsPageFactory(title="Amiante : le repérage")
    assert len(_titles(reader, "amiante")) == 2
    # Restricting a page does not touch the index: the order kept for "amiante" still holds it.
    restrict_page_to_groups(page, committee)
    assert len(_titles(reader, "amiante")) == 1
    assert len(_titles(committee_member, "amiante")) == 2


@pytest.mark.django_db
def test_a_page_indexed_after_a_search_is_found_at_once(reader, sections):
    factories.NewsPageFactory(title="Amiante au chantier")
    assert len(_titles(reader, "amiante")) == 1
    factories.NewsPageFactory(title="Amiante : le repérage")
    assert len(_titles(reader, "amiante")) == 2


@pytest.mark.django_db
def test_a_larger_window_is_read_only_when_too_few_matches_are_allowed(home):
    pages = [factories.NewsPageFactory(title=f"Page {number}") for number in range(6)]
    ids = [str(page.pk) for page in pages]
    windows = []

    def read(window):
        windows.append(window)
        return ids[:window]

    every_page = Page.objects.all()
    assert allowed_in_windows(read, every_page, 2) == [page.pk for page in pages[:2]]
    assert windows == [2 * backends.FIRST_WINDOW_FACTOR]

    windows.clear()
    last_two = Page.objects.filter(pk__in=[page.pk for page in pages[-2:]])
    assert allowed_in_windows(read, last_two, 2) == [page.pk for page in pages[-2:]]
    assert windows == [2 * backends.FIRST_WINDOW_FACTOR, backends.RANKED_WINDOW]


# SQLite asks its full-text index in three ways; PostgreSQL in one.
if connection.vendor == "sqlite":
    # The SQLite backend's module needs SQLite's index models: imported only where they exist.
    import search.backends.sqlite as sqlite_backend

    @pytest.mark.django_db
    def test_every_way_of_asking_sqlites_index_gives_the_same_candidates(reader, sections, monkeypatch):
        for number in range(12):
            factories.NewsPageFactory(
                title=f"Prévention des risques {number}", summary="La prévention au travail. " * (number % 4 + 1)
            )
        factories.CaseStudyPageFactory(title="Bruit en atelier", results="<p>La prévention du bruit.</p>")
        factories.PersonFactory(first_name="Paul", last_name="Prévention")

        answers = []
        # (this source's entries, the others'): the general query; few entries of its own; nearly all of them.
        for counts in ((10**9, 10**9), (0, 10**9), (10**9, 0)):
            monkeypatch.setattr(sqlite_backend, "_entry_counts", lambda types, counts=counts: counts)
            backends.forget_ranked()
            outcome = search_site(type(reader).objects.get(pk=reader.pk), "prévention", SearchFilters())
            answers.append([(item.source, item.record.object_id) for item in outcome.items])
        assert len(answers[0]) >= 13
        assert answers[0] == answers[1] == answers[2]
