"""GET /api/search/: the search page's results as JSON, for signed-in users only."""

import datetime

import pytest

from search.models import SearchQueryRecord
from tests import factories
from tests.utils import count_queries, restrict_page_to_groups

API_URL = "/api/search/"


def _api(client, **params):
    response = client.get(API_URL, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def _titles(data):
    return [result["title"] for result in data["results"]]


def _facet(data, facet):
    return {value["value"]: value for value in data["facets"][facet]}


@pytest.fixture
def ergonomics(home):
    """Three kinds of content about ergonomics, of different ages."""
    return [
        factories.CaseStudyPageFactory(title="Étude ergonomie", results="<p>Postes de caisse et ergonomie.</p>"),
        factories.NewsPageFactory(
            title="Actualité ergonomie", summary="Formation ergonomie.", date=datetime.date(2024, 3, 1)
        ),
        factories.ApproachPageFactory(title="Démarche ergonomie des bureaux"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("accept", ["application/json", "text/html", ""])
def test_anonymous_callers_get_401_in_json(client, ergonomics, accept):
    response = client.get(API_URL, {"q": "ergonomie"}, HTTP_ACCEPT=accept)
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentification requise."}
    assert response["WWW-Authenticate"]
    assert b"ergonomie" not in response.content.lower().replace(b"q=", b"")


@pytest.mark.django_db
def test_the_answer_has_the_documented_shape(reader_client, ergonomics):
    data = _api(reader_client, q="ergonomie")
    assert set(data) == {"count", "facets", "results", "page", "pages", "suggestion", "messages"}
    assert data["count"] == 3 and data["page"] == 1 and data["pages"] == 1
    assert data["messages"] == [] and data["suggestion"] is None
    assert set(data["facets"]) == {"type", "metier", "groupe", "annee", "mot_cle"}
    for value in data["facets"]["type"]:
        assert set(value) == {"value", "label", "count", "selected"}
    for result in data["results"]:
        assert set(result) == {"title", "url", "type", "type_label", "date", "snippet"}
        assert result["url"].startswith("/")
        assert "<" not in result["snippet"]
    news = next(result for result in data["results"] if result["title"] == "Actualité ergonomie")
    assert news["type"] == "actualites" and news["date"] == "2024-03-01"
    assert "ergonomie" in news["snippet"].lower()
    assert _facet(data, "type")["actualites"]["count"] == 1
    assert _facet(data, "annee")[2024]["count"] == 1


@pytest.mark.django_db
def test_the_api_ranks_as_the_page(reader_client, ergonomics):
    factories.NewsPageFactory(title="Ergonomie du poste de caisse", summary="Ergonomie, ergonomie.")
    page = reader_client.get("/recherche/", {"q": "ergonomie"})
    page_titles = [hit.title for hit in page.context["results"].object_list]
    assert len(page_titles) == 4
    assert _titles(_api(reader_client, q="ergonomie")) == page_titles


@pytest.mark.django_db
def test_pages_of_fifteen_like_the_search_page(reader_client, home):
    for number in range(20):
        factories.NewsPageFactory(title=f"Amiante {number}", summary="Repérage de l’amiante.")
    first, second = _api(reader_client, q="amiante"), _api(reader_client, q="amiante", page=2)
    assert first["count"] == second["count"] == 20
    assert (len(first["results"]), len(second["results"])) == (15, 5)
    assert (first["pages"], second["page"]) == (2, 2)
    assert not set(_titles(first)) & set(_titles(second))
    page_two = reader_client.get("/recherche/", {"q": "amiante", "page": 2})
    assert _titles(second) == [hit.title for hit in page_two.context["results"].object_list]
    # Beyond the last page: the last one, as on the page.
    assert _api(reader_client, q="amiante", page=50)["page"] == 2


@pytest.mark.django_db
def test_filter_by_type(reader_client, ergonomics):
    data = _api(reader_client, q="ergonomie", type="etudes-de-cas")
    assert _titles(data) == ["Étude ergonomie"] and data["count"] == 1
    # Facets count the whole result set under the other choices: every type stays offered.
    types = _facet(data, "type")
    assert types["etudes-de-cas"]["selected"] and types["actualites"]["count"] == 1


@pytest.mark.django_db
def test_filter_by_year_and_sort_by_date(reader_client, ergonomics):
    assert _titles(_api(reader_client, q="ergonomie", annee=2024)) == ["Actualité ergonomie"]
    by_date = _api(reader_client, q="ergonomie", tri="date")
    assert _titles(by_date)[-1] == "Actualité ergonomie"


@pytest.mark.django_db
def test_drafts_never_appear(reader_client, home):
    factories.CaseStudyPageFactory(title="Étude en brouillon", results="<p>Résultats sur la silicose.</p>", live=False)
    factories.NewsPageFactory(title="Actualité publiée", summary="Prévention de la silicose.")
    data = _api(reader_client, q="silicose")
    assert _titles(data) == ["Actualité publiée"] and data["count"] == 1
    assert "etudes-de-cas" not in _facet(data, "type")


@pytest.mark.django_db
def test_restricted_content_only_for_the_group(reader_client, member_client, committee, home):
    group = factories.WorkingGroupPageFactory(title="Groupe réservé", target_audience="<p>La silicose.</p>")
    factories.MicroProjectPageFactory(parent=group, title="Micro-projet réservé", summary="Silicose en carrière.")
    restrict_page_to_groups(group, committee)
    factories.NewsPageFactory(title="Actualité publiée", summary="Prévention de la silicose.")

    outsider = _api(reader_client, q="silicose")
    assert _titles(outsider) == ["Actualité publiée"] and outsider["count"] == 1
    assert set(_facet(outsider, "type")) == {"actualites"}
    assert _facet(outsider, "groupe") == {}
    assert "réservé" not in str(outsider)

    member = _api(member_client, q="silicose")
    assert {"Groupe réservé", "Micro-projet réservé", "Actualité publiée"} == set(_titles(member))
    assert member["count"] == 3
    assert _facet(member, "groupe")[group.pk]["label"] == "Groupe réservé"
    assert _facet(member, "groupe")[group.pk]["count"] == 2


@pytest.mark.django_db
def test_refused_parameters_are_explained_in_french(reader_client, ergonomics):
    data = _api(reader_client, q="ergonomie", type="inconnu", annee="²", metier="abc", page="99999999999999999999")
    assert data["count"] == 3 and data["page"] == 1
    assert len(data["messages"]) == 4
    for message in data["messages"]:
        assert message.startswith("La valeur indiquée pour « ") and "n’est pas reconnue" in message
    assert any("« type de contenu »" in message for message in data["messages"])


@pytest.mark.django_db
def test_an_empty_query_finds_nothing_without_error(reader_client, ergonomics):
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "le la les"}):
        data = _api(reader_client, **params)
        assert data["count"] == 0 and data["results"] == [] and data["page"] == 1


@pytest.mark.django_db
def test_the_suggestion_is_the_page_s(reader_client, ergonomics):
    page = reader_client.get("/recherche/", {"q": "ergonomei"})
    assert _api(reader_client, q="ergonomei")["suggestion"] == (page.context["suggestion"] or None)


@pytest.mark.django_db
def test_only_get(reader_client):
    assert reader_client.post(API_URL, {"q": "x"}).status_code == 405


@pytest.mark.django_db
def test_api_searches_stay_out_of_the_search_report(reader_client, ergonomics):
    _api(reader_client, q="ergonomie")
    assert not SearchQueryRecord.objects.exists()


@pytest.mark.django_db
def test_answers_are_not_kept_by_shared_caches(reader_client, ergonomics):
    response = reader_client.get(API_URL, {"q": "ergonomie"})
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_queries_do_not_grow_with_results(reader_client, home):
    def add_items(n):
        for _ in range(n):
            factories.NewsPageFactory(summary="Repérage de l’amiante.")

    url = f"{API_URL}?q=amiante"
    add_items(5)
    # Read once after each change: new words reload the search's vocabulary once (two queries), a cost
    # of the change, not of the results.
    reader_client.get(url)
    with_five = count_queries(reader_client, url)
    add_items(45)
    reader_client.get(url)
    with_fifty = count_queries(reader_client, url)
    assert with_fifty == with_five <= 15
