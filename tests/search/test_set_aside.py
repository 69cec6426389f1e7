"""Precision of the list: results holding only the query's commonest word do not swell the count and the
facets when others hold more of it; the page says how many there are and offers them."""

import pytest

from search.parameters import SearchFilters
from search.services.site_search import search_site
from tests import factories
from tests.utils import page_text


# The section pages hold « fiche » too (« Fiches besoins »…): counts are read against them.
@pytest.fixture
def forms(sections):
    factories.NewsPageFactory(title="La fiche de liaison avec le médecin traitant")
    factories.NewsPageFactory(title="Le rendez-vous de liaison après un arrêt")
    for number in range(6):
        factories.NewsPageFactory(title=f"Fiche pratique numéro {number}")


def _titles(reader, query, **filters):
    outcome = search_site(reader, query, SearchFilters(**filters))
    return outcome, {item.record.heading for item in outcome.items}


@pytest.mark.django_db
def test_results_with_only_the_commonest_word_are_set_aside(reader, forms):
    outcome, titles = _titles(reader, "fiche de liaison")
    assert titles == {"La fiche de liaison avec le médecin traitant", "Le rendez-vous de liaison après un arrêt"}
    everything, every_title = _titles(reader, "fiche de liaison", everything=True)
    assert outcome.set_aside == len(every_title) - 2 >= 6 and everything.set_aside == 0
    assert outcome.commonest_word == "fiche"
    assert sum(value.count for value in outcome.facets["type"]) == 2


@pytest.mark.django_db
def test_they_are_shown_when_nothing_holds_more(reader, forms):
    outcome, titles = _titles(reader, "fiche trampoline")
    assert len(titles) >= 8 and outcome.set_aside == 0


@pytest.mark.django_db
def test_the_page_says_how_many_others_there_are_and_offers_them(reader_client, forms):
    text = page_text(reader_client.get("/recherche/?q=fiche+de+liaison"))
    assert "2 résultats pour « fiche de liaison »" in text
    others = int(text.split(" autres résultats ne contiennent que « fiche ».")[0].rsplit(" ", 1)[1])
    assert others >= 6
    text = page_text(reader_client.get("/recherche/?q=fiche+de+liaison&tous=1"))
    assert f"{others + 2} résultats pour « fiche de liaison »" in text and "ne contiennent que" not in text
    response = reader_client.get("/recherche/?q=fiche+de+liaison&tous=%00²")
    assert response.status_code == 200
    assert "« tous les résultats » n’est pas reconnue" in page_text(response)
