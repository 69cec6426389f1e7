"""Whatever people (or scripts) type never breaks a search: the search page, the JSON API, the document
library and the directory answer 200, with results or a French message, never a server error.

Property-based: hypothesis sends arbitrary text (quotes, operators, control characters, NUL, emoji,
invalid UTF-8, SQL, long texts) as the query and as every other parameter. One database per test,
shared by its examples; a modest number of examples per target keeps the suite within its time budget.
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories, sample_files
from tests.utils import page_text, restrict_page_to_groups

EXAMPLES = 120
SEARCH_PARAMETERS = ["q", "type", "metier", "groupe", "annee", "mot_cle", "tri", "page"]
LIBRARY_PARAMETERS = ["q", "collection", "type", "metier", "page"]
DIRECTORY_PARAMETERS = ["q", "metier", "site", "page"]

# What search engines, SQL and number parsing read as syntax, and characters that fooled them before.
FRAGMENTS = [
    '"',
    "'",
    "’",
    "&",
    "|",
    "!",
    ":",
    "*",
    "(",
    ")",
    "-",
    "+",
    "^",
    "~",
    "\\",
    "%",
    "_",
    "?",
    "#",
    ";",
    "=",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR/2",
    "<->",
    "&&",
    "||",
    "!!",
    "*:*",
    "title:",
    "body:",
    "TMS OR 1=1; DROP TABLE",
    "' OR '1'='1",
    "'); DELETE FROM wagtailcore_page; --",
    "%00",
    "%",
    "%%",
    "_%",
    "\x00",
    "\x01",
    "\x1b[31m",
    "\t",
    "\n",
    "\r\n",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\ufffd",
    "²",
    "³",
    "٣",
    "𝟘",
    "½",
    "Ⅻ",
    "１２",
    "-1",
    "0",
    "1e9",
    "NaN",
    "Infinity",
    "99999999999999999999",
    "😀",
    "👩🏽‍⚕️",
    "🇫🇷",
    "é",
    "É",
    "e\u0301",
    "ß",
    "ﬁ",
    "ǅ",
    "İ",
    "musculo",
    "TMS",
    "troubles musculo-squelettiques",
    "médecin",
    "l’",
    "d'",
    "qu’",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% debug %}",
    "${jndi:x}",
]
text_parts = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30),
)
hostile_text = st.lists(text_parts, max_size=12).map("".join)


@st.composite
def encoded_values(draw):
    """A value as it travels in the query string: UTF-8 text, or arbitrary bytes (invalid UTF-8 included)."""
    if draw(st.integers(0, 4)) == 0:
        return quote_from_bytes(draw(st.binary(max_size=40)), safe="")
    return quote(draw(hostile_text), safe="")


def query_strings(parameters):
    """Some of the parameters, each with a hostile value, sometimes repeated or with a hostile name."""
    pairs = st.tuples(st.sampled_from(parameters).map(quote) | encoded_values(), encoded_values())
    return st.lists(pairs, min_size=1, max_size=len(parameters) + 2).map(
        lambda found: "&".join(f"{name}={value}" for name, value in found)
    )


LONG_TEXT = "x" * 10_000
MANY_WORDS = " ".join(f"prévention{n} des risques" for n in range(100))  # 300 words
EXPLICIT = [
    "q=" + quote(LONG_TEXT),
    "q=" + quote(MANY_WORDS),
    "q=" + quote("TMS OR 1=1; DROP TABLE"),
    "q=%00",
    "q=%C2%B2",
    "q=ergonomie&page=99999999999999999999",
    "q=ergonomie&page=-1",
    "q=ergonomie&page=%C2%B2",
    "q=" + quote(" ".join(["(" * 50, "a", ")" * 50])),
    "q=" + quote(" OR ".join(["tms"] * 300)),
    "q=" + quote('"' * 1000),
]


@pytest.fixture
def content(sections, committee, django_capture_on_commit_callbacks):
    """Something to find of every kind, a restricted page among them, so that searches do real work."""
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document(
            "protocole.pdf", sample_files.pdf_bytes("Protocole ergonomie et troubles musculo-squelettiques")
        )
    factories.NewsPageFactory(title="Actualité ergonomie", summary="Prévention des TMS en atelier.")
    factories.CaseStudyPageFactory(title="Étude de cas", results="<p>Le médecin du travail et l’ergonomie.</p>")
    secret = factories.NewsPageFactory(title="Note réservée", summary="Ergonomie confidentielle.")
    restrict_page_to_groups(secret, committee)
    factories.PersonFactory(first_name="Inès", last_name="Ergonome", job_title="Ergonome")
    return sections


def _check_search_page(client, query_string):
    response = client.get(f"/recherche/?{query_string}")
    assert response.status_code == 200, query_string
    text = page_text(response)
    # Results, "no results" or the search help: always something to read, in French.
    assert response.context["result_count"] > 0 or "Aucun résultat" in text or "La recherche porte sur" in text
    for message in response.context["filter_messages"]:
        assert str(message) in text
    assert "Note réservée" not in text


def _check_api(client, query_string):
    response = client.get(f"/api/search/?{query_string}")
    assert response.status_code == 200, query_string
    data = response.json()
    assert isinstance(data["count"], int) and len(data["results"]) <= min(data["count"], 15)
    assert 1 <= data["page"] <= max(data["pages"], 1)
    assert all(isinstance(message, str) and message for message in data["messages"])
    assert "Note réservée" not in response.content.decode()


def _check_listing(client, url, query_string):
    response = client.get(f"{url}?{query_string}")
    assert response.status_code == 200, query_string
    text = page_text(response)
    for message in response.context.get("filter_messages") or []:
        assert str(message) in text


def _run(check, parameters):
    """Runs `check(query_string)` on the explicit examples, then on hypothesis' ones."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        # No example database written into the working tree; a failure prints its example.
        database=None,
    )
    @given(query_strings(parameters))
    def property_check(query_string):
        check(query_string)

    for query_string in EXPLICIT:
        check(query_string)
    for parameter in parameters:
        for value in (quote(LONG_TEXT), quote(MANY_WORDS), "%00", "%C2%B2", "99999999999999999999", "%FF%FE"):
            check(f"{parameter}={value}")
    property_check()


@pytest.mark.django_db
def test_the_search_page_survives_any_input(reader_client, content):
    _run(lambda query_string: _check_search_page(reader_client, query_string), SEARCH_PARAMETERS)


@pytest.mark.django_db
def test_the_api_survives_any_input(reader_client, content):
    _run(lambda query_string: _check_api(reader_client, query_string), SEARCH_PARAMETERS)


@pytest.mark.django_db
def test_the_document_library_survives_any_input(reader_client, content):
    url = content["documents.DocumentLibraryPage"].url
    _run(lambda query_string: _check_listing(reader_client, url, query_string), LIBRARY_PARAMETERS)


@pytest.mark.django_db
def test_the_directory_survives_any_input(reader_client, content):
    url = content["people.DirectoryPage"].url
    _run(lambda query_string: _check_listing(reader_client, url, query_string), DIRECTORY_PARAMETERS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [LONG_TEXT, MANY_WORDS, "TMS OR 1=1; DROP TABLE", "\x00", "²", "ergonomie" + "\x00" * 3, "😀 ergonomie 😀"],
)
def test_explicit_hostile_queries_get_results_or_a_french_message(reader_client, content, query):
    response = reader_client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    text = page_text(response)
    assert response.context["result_count"] > 0 or "Aucun résultat" in text or "La recherche porte sur" in text
    if len(query) > 500:
        assert "La recherche est limitée à 500 caractères" in text
    api = reader_client.get("/api/search/", {"q": query})
    assert api.status_code == 200
    if len(query) > 500:
        assert any("limitée à 500 caractères" in message for message in api.json()["messages"])


@pytest.mark.django_db
def test_a_query_with_nul_still_finds(reader_client, content):
    response = reader_client.get("/api/search/", {"q": "ergo\x00nomie TMS"})
    assert response.status_code == 200
    assert response.json()["count"] > 0


@pytest.mark.django_db
def test_a_huge_page_number_is_explained(reader_client, content):
    data = reader_client.get("/api/search/", {"q": "ergonomie", "page": "99999999999999999999"}).json()
    assert data["page"] == 1 and data["count"] > 0
    assert any("« page »" in message for message in data["messages"])
    page = reader_client.get("/recherche/", {"q": "ergonomie", "page": "99999999999999999999"})
    assert "« page »" in page_text(page)
