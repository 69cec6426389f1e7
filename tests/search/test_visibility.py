"""The search shows, counts and promotes only what the reader may open; any query gets an answer."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection

from tests import factories
from tests.utils import (
    assert_query_budget,
    assert_shown_only_to_members,
    page_text,
    restrict_collection_to_groups,
    restrict_page_to_groups,
)


@pytest.mark.django_db
def test_restricted_pages_are_found_by_the_committee_only(reader_client, member_client, committee, home):
    factories.NewsPageFactory(title="Actualité ergonomie ouverte", summary="Ergonomie des postes.")
    secret = factories.NewsPageFactory(title="Note du comité", summary="Ergonomie confidentielle.")
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, "/recherche/?q=ergonomie", "Note du comité")


@pytest.mark.django_db
def test_result_and_tab_counts_leave_out_what_the_reader_may_not_see(
    reader_client, member_client, committee, home, django_capture_on_commit_callbacks
):
    factories.NewsPageFactory(title="Actualité ergonomie", summary="Ergonomie.")
    restrict_page_to_groups(factories.NewsPageFactory(title="Autre ergonomie", summary="Ergonomie."), committee)
    factories.CaseStudyPageFactory(title="Étude ergonomie", results="<p>Ergonomie des caisses.</p>")
    closed = Collection.get_first_root_node().add_child(name="Comité")
    restrict_collection_to_groups(closed, committee)
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document("ouvert.txt", b"Fiche ergonomie", title="Fiche ouverte")
        factories.make_document("ferme.txt", b"Fiche ergonomie", title="Fiche du comite", collection=closed)

    outsider = reader_client.get("/recherche/", {"q": "ergonomie"})
    member = member_client.get("/recherche/", {"q": "ergonomie"})

    assert outsider.context["result_count"] == 3 and member.context["result_count"] == 5
    assert outsider.context["all_count"] == 3 and member.context["all_count"] == 5
    assert _tab_counts(outsider)["documents"] == 1 and _tab_counts(member)["documents"] == 2
    assert _tab_counts(outsider)["actualites"] == 1 and _tab_counts(member)["actualites"] == 2
    assert "Actualités 1" in page_text(outsider)
    assert "Fiche du comite" not in page_text(outsider)
    news_tab = reader_client.get("/recherche/", {"q": "ergonomie", "type": "actualites"})
    assert news_tab.context["result_count"] == 1 and news_tab.context["all_count"] == 3


def _tab_counts(response) -> dict[str, int]:
    return {tab.value: tab.count for tab in response.context["type_tabs"]}


@pytest.mark.django_db
def test_a_promotion_of_a_restricted_page_is_shown_to_the_committee_only(reader_client, member_client, committee, home):
    secret = factories.ApproachPageFactory(title="Démarche du comité", purpose="<p>Rien à voir.</p>")
    restrict_page_to_groups(secret, committee)
    SearchPromotion.objects.create(query=Query.get("ergonomie"), page=secret, sort_order=0)
    assert_shown_only_to_members(reader_client, member_client, "/recherche/?q=ergonomie", "Démarche du comité")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        " ".join(["ergonomie"] * 500),
        " ".join(f"mot{n}" for n in range(500)),
        "a" * 10_000,
        "ergonomie\x00poste",
        "\x00",
        "😀 ergonomie 🦺",
        '"ergonomie" AND (poste OR -caisse) NOT* "',
        "' OR 1=1 --",
    ],
)
def test_hostile_queries_get_an_answer(reader_client, home, query):
    factories.NewsPageFactory(title="Actualité ergonomie", summary="Ergonomie.")
    response = reader_client.get("/recherche/", {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_500_word_query_still_finds_with_its_first_words(reader_client, home):
    factories.NewsPageFactory(title="Actualité ergonomie", summary="Ergonomie.")
    query = " ".join(["ergonomie"] * 500)
    response = reader_client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert "Actualité ergonomie" in page_text(response)


@pytest.mark.django_db
def test_type_tabs_keep_the_query_and_drop_the_page(reader_client, home):
    factories.NewsPageFactory(title="Actualité ergonomie", summary="Ergonomie.")
    body = reader_client.get("/recherche/", {"q": "ergonomie", "page": "2"}).content.decode()
    assert 'href="?q=ergonomie&amp;type=actualites"' in body
    assert 'href="?q=ergonomie"' in body


@pytest.mark.django_db
def test_search_results_query_count_does_not_grow_with_results(reader_client, home):
    def add_items(n):
        for _ in range(n):
            factories.NewsPageFactory(summary="Ergonomie des postes.")
        # The first search after the index changed reloads the vocabulary, once.
        reader_client.get("/recherche/?q=ergonomie")

    # Fixed costs: account, site, header and navigation, the vocabulary's and thesaurus' freshness; per
    # source (pages, documents) the engine and the records; the pages shown by type; the search report;
    # Wagtail's promotions with their hit counter (4). Above the portal's 15: see search/services/promotions.
    assert_query_budget(reader_client, "/recherche/?q=ergonomie", add_items, budget=18)


# "Vouliez-vous dire … ?" proposes only words of what the reader may open: a typo of a word found only in a
# restricted page or a draft must not tell that the word exists.

RARE_WORD_TYPO = "pneumokoniose"


def _suggestions(client, query: str) -> tuple[str, str | None]:
    """The suggestion of the search page (as its reader sees it) and of the API, for one query."""
    page = client.get("/recherche/", {"q": query})
    api = client.get("/api/search/", {"q": query}).json()
    assert ("Vouliez-vous dire" in page_text(page)) == bool(page.context["suggestion"])
    return page.context["suggestion"], api["suggestion"]


@pytest.mark.django_db
def test_a_word_of_a_restricted_page_is_suggested_to_the_committee_only(reader_client, member_client, committee, home):
    factories.NewsPageFactory(title="Actualité ouverte", summary="Les postes de travail en entrepôt.")
    secret = factories.NewsPageFactory(title="Note du comité", summary="Un cas de pneumoconiose chez un carrier.")
    restrict_page_to_groups(secret, committee)

    assert _suggestions(reader_client, RARE_WORD_TYPO) == ("", None)
    assert _suggestions(member_client, RARE_WORD_TYPO) == ("pneumoconiose", "pneumoconiose")
    assert "Note du comité" in page_text(member_client.get("/recherche/", {"q": RARE_WORD_TYPO}))


@pytest.mark.django_db
def test_a_word_of_a_draft_is_suggested_once_the_page_is_published(reader_client, member_client, home):
    draft = factories.NewsPageFactory(title="Projet de note", summary="Un cas de pneumoconiose.", live=False)

    assert _suggestions(reader_client, RARE_WORD_TYPO) == ("", None)
    assert _suggestions(member_client, RARE_WORD_TYPO) == ("", None)

    draft.save_revision().publish()
    assert _suggestions(reader_client, RARE_WORD_TYPO) == ("pneumoconiose", "pneumoconiose")


@pytest.mark.django_db
def test_only_the_words_the_reader_may_see_are_corrected_in_a_query(reader_client, committee, home):
    factories.NewsPageFactory(title="Atelier ergonomie", summary="Les postes de caisse.")
    secret = factories.NewsPageFactory(title="Note du comité", summary="Un cas de pneumoconiose.")
    restrict_page_to_groups(secret, committee)
    assert _suggestions(reader_client, f"ergonomei {RARE_WORD_TYPO}") == (
        f"ergonomie {RARE_WORD_TYPO}",
        f"ergonomie {RARE_WORD_TYPO}",
    )
