"""The search report's « Avec résultats, sans clic » and « Suggestion suivie »: counted per search from the
results page's one beacon (POST /recherche/clic/), never per person; the endpoint answers 204 or a French
400, refuses anonymous callers and forged tokens, survives any input and costs a fixed number of queries."""

import datetime
import re

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchDailyCount, SearchQueryRecord, SearchSpelling
from search.services import reporting
from search.services.reporting import CLICK_SALT, click_token, record_key, record_search
from search.services.retention import purge_search_log
from tests import factories
from tests.hostile.strategies import raw_values
from tests.utils import page_text

CLICK_URL = "/recherche/clic/"
REPORT_URL = "/admin/rapport-recherche/"
# Every refusal the endpoint gives, in French.
REFUSALS = {
    "Le jeton de la recherche est absent.",
    "Le jeton de la recherche n’est pas valide.",
    "Le jeton de la recherche a expiré : relancez la recherche.",
    "Le type de clic n’est pas reconnu : « resultat » ou « suggestion » attendu.",
}
TEXT = "text/plain; charset=utf-8"


@pytest.fixture
def ergonomics(home):
    return factories.NewsPageFactory(title="Atelier ergonomie", summary="Les postes de caisse.")


def _search(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return response


def _token(response) -> str:
    """The token the page's script sends, read from the page as the script reads it."""
    match = re.search(r'data-search-click-token="([^"]+)"', response.content.decode())
    assert match, "the results page carries its click token"
    return match.group(1)


def _click(client, token, kind="resultat", **extra):
    return client.post(CLICK_URL, {"jeton": token, "clic": kind, **extra})


def _report(admin_client) -> dict:
    """{search as shown: (searches, with results and no click, suggestions followed)} of the report."""
    response = admin_client.get(REPORT_URL, {"periode": "tout"})
    assert response.status_code == 200
    return {
        row.spelling: (row.searches, row.without_click, row.suggestions_taken)
        for row in response.context["object_list"]
    }


def _counts():
    """Everything the search log holds, to show that a refused click changes nothing."""
    return (
        sorted(SearchQueryRecord.objects.values_list("query", "searches", "clicked_searches", "suggestions_taken")),
        sorted(SearchDailyCount.objects.values_list("day", "searches", "clicked_searches", "suggestions_taken")),
        SearchSpelling.objects.count(),
    )


def _assert_refused_in_french(response):
    assert response.status_code == 400
    assert response["Content-Type"] == TEXT
    assert response.content.decode() in REFUSALS


# What the report shows


@pytest.mark.django_db
def test_a_search_followed_by_a_click_has_none_without_click_and_one_without_counts(
    reader_client, admin_client, ergonomics
):
    response = _search(reader_client, "ergonomie")
    assert response.context["result_count"] > 0
    clicked = _click(reader_client, _token(response))
    assert clicked.status_code == 204 and clicked.content == b""
    assert _report(admin_client)["ergonomie"] == (1, 0, 0)

    _search(reader_client, "ergonomie")  # read the list, opened nothing
    assert _report(admin_client)["ergonomie"] == (2, 1, 0)
    record = SearchQueryRecord.objects.get(query=record_key("ergonomie"))
    assert (record.searches_with_results, record.clicked_searches) == (2, 1)
    day = SearchDailyCount.objects.get(day=timezone.localdate())
    assert (day.searches, day.without_results, day.clicked_searches) == (2, 0, 1)


@pytest.mark.django_db
def test_one_page_counts_one_click_however_often_its_token_is_sent(reader_client, admin_client, ergonomics):
    token = _token(_search(reader_client, "ergonomie"))
    for _ in range(5):
        assert _click(reader_client, token).status_code == 204
    assert SearchQueryRecord.objects.get().clicked_searches == 1
    assert SearchDailyCount.objects.get().clicked_searches == 1
    assert _report(admin_client)["ergonomie"] == (1, 0, 0)


@pytest.mark.django_db
def test_a_search_without_results_is_not_a_search_without_click(reader_client, admin_client, home):
    response = _search(reader_client, "zzzinconnu")
    assert response.context["result_count"] == 0
    assert _click(reader_client, _token(response)).status_code == 204  # answered like any other
    assert _report(admin_client)["zzzinconnu"] == (1, 0, 0)
    assert SearchQueryRecord.objects.get().clicked_searches == 0


@pytest.mark.django_db
def test_a_recommendation_shown_makes_a_search_with_something_to_click(reader_client, home):
    page = factories.NewsPageFactory(title="Plan canicule", summary="Les consignes.")
    SearchPromotion.objects.create(query=Query.get("zzzchaleur"), page=page, sort_order=0)
    response = _search(reader_client, "zzzchaleur")
    assert response.context["result_count"] == 0 and response.context["promotions"]
    assert 'data-search-click="resultat"' in response.content.decode()
    assert _click(reader_client, _token(response)).status_code == 204
    record = SearchQueryRecord.objects.get()
    assert (record.searches_with_results, record.clicked_searches) == (1, 1)


@pytest.mark.django_db
def test_a_suggestion_followed_is_counted_for_the_search_that_offered_it(reader_client, admin_client, ergonomics):
    response = _search(reader_client, "ergonomei")
    assert response.context["suggestion"] == "ergonomie"
    body = response.content.decode()
    assert 'href="?q=ergonomie" data-search-click="suggestion"' in body
    assert _click(reader_client, _token(response), "suggestion").status_code == 204
    _search(reader_client, "ergonomie")  # where the suggestion leads
    report = _report(admin_client)
    assert report["ergonomei"][2] == 1
    assert report["ergonomie"][2] == 0
    # Following the suggestion is not a click on a result.
    assert SearchQueryRecord.objects.get(query=record_key("ergonomei")).clicked_searches == 0
    assert SearchDailyCount.objects.get().suggestions_taken == 1


@pytest.mark.django_db
def test_the_suggestion_on_a_page_without_results_is_counted_too(reader_client, ergonomics):
    response = _search(reader_client, "ergonomei", type="agenda")
    assert response.context["result_count"] == 0
    assert 'class="search-empty__suggestion"' in response.content.decode()
    assert _click(reader_client, _token(response), "suggestion").status_code == 204
    assert SearchQueryRecord.objects.get().suggestions_taken == 1


@pytest.mark.django_db
def test_the_results_page_loads_the_script_and_marks_what_counts(reader_client, ergonomics):
    body = _search(reader_client, "ergonomie").content.decode()
    assert re.search(r'<script src="[^"]*js/search-clicks\.js" defer></script>', body)
    assert f'data-search-clicks="{CLICK_URL}"' in body
    assert re.search(r'data-csrf-token="\w+"', body)
    assert 'data-search-click="resultat">' in body
    # No query, nothing recorded: nothing to send.
    assert "data-search-clicks" not in _search(reader_client, "").content.decode()


@pytest.mark.django_db
def test_the_report_lists_and_explains_the_new_columns(reader_client, admin_client, ergonomics):
    _search(reader_client, "ergonomie")
    response = admin_client.get(REPORT_URL, {"periode": "tout"})
    text = page_text(response)
    assert "Avec résultats, sans clic" in text and "Suggestion suivie" in text
    assert "aucun résultat n’a été ouvert" in text
    assert "le portail ne garde ni qui a cherché, ni ce que chacun a ouvert" in text
    # Sortable, most searches without click first.
    record_search("bruit", 3)
    record_search("bruit", 3)
    rows = admin_client.get(REPORT_URL, {"periode": "tout", "ordering": "-without_click"}).context["object_list"]
    assert [row.spelling for row in rows] == ["bruit", "ergonomie"]
    export = admin_client.get(REPORT_URL, {"periode": "tout", "export": "csv"})
    header = b"".join(export.streaming_content).decode().splitlines()[0]
    assert "Recherches avec résultats sans clic" in header and "Suggestion « Vouliez-vous dire » suivie" in header


@pytest.mark.django_db
def test_the_report_never_shows_a_negative_count(admin_client):
    # A record from before the counters (or edited by hand) with more clicks than searches with results.
    SearchQueryRecord.objects.create(query="ancienne", searches=3, searches_with_results=0, clicked_searches=2)
    assert _report(admin_client)["ancienne"] == (3, 0, 0)


# Nothing forged, nothing revealed


def _swapped(other: str, genuine: str) -> str:
    """`other`'s text under `genuine`'s timestamp and signature."""
    return other.split(":")[0] + ":" + genuine.split(":", 1)[1]


def _forged_tokens():
    key = record_key("ergonomie")
    today = timezone.localdate().isoformat()
    return {
        "absent": "",
        "garbled": "n’importe quoi",
        "altered": click_token(key)[:-2] + "xx",
        "another salt": signing.dumps([key, today], salt="participation.unsubscribe", compress=True),
        "another text under this signature": _swapped(click_token(record_key("bruit")), click_token(key)),
        "signed, wrong shape": signing.dumps({"q": key}, salt=CLICK_SALT),
        "signed, empty key": signing.dumps(["", today], salt=CLICK_SALT),
        "signed, bad day": signing.dumps([key, "hier"], salt=CLICK_SALT),
        "signed, key too long": signing.dumps(["x" * 5000, today], salt=CLICK_SALT, compress=True),
        "far too long": "x" * 10_000,
    }


@pytest.mark.django_db
def test_a_forged_absent_or_garbled_token_is_refused_in_french_and_counts_nothing(reader_client, ergonomics):
    _search(reader_client, "ergonomie")
    before = _counts()
    for label, token in _forged_tokens().items():
        for kind in ("resultat", "suggestion"):
            response = _click(reader_client, token, kind)
            assert response.status_code == 400, label
            _assert_refused_in_french(response)
    assert _counts() == before


@pytest.mark.django_db
def test_an_expired_token_is_refused(reader_client, ergonomics, monkeypatch):
    token = _token(_search(reader_client, "ergonomie"))
    monkeypatch.setattr(reporting, "CLICK_MAX_AGE", -1)
    before = _counts()
    response = _click(reader_client, token)
    _assert_refused_in_french(response)
    assert "expiré" in response.content.decode()
    assert _counts() == before


@pytest.mark.django_db
def test_a_missing_or_unknown_kind_is_refused(reader_client, ergonomics):
    token = _token(_search(reader_client, "ergonomie"))
    before = _counts()
    for payload in (
        {"jeton": token},
        {"jeton": token, "clic": "lecture"},
        {"jeton": token, "clic": "resultat\x00"},
        {},
    ):
        _assert_refused_in_french(reader_client.post(CLICK_URL, payload))
    assert _counts() == before


@pytest.mark.django_db
def test_the_answer_does_not_tell_whether_a_search_is_known(reader_client, ergonomics):
    """A valid token for a query no longer recorded gets the same empty 204 as any other, and is not made
    again."""
    token = _token(_search(reader_client, "ergonomie"))
    gone = click_token(record_key("jamais cherché"))
    known, unknown = _click(reader_client, token), _click(reader_client, gone)
    assert (known.status_code, known.content) == (unknown.status_code, unknown.content) == (204, b"")
    assert not SearchQueryRecord.objects.filter(query=record_key("jamais cherché")).exists()


@pytest.mark.django_db
def test_the_click_keeps_nothing_about_the_reader(reader_client, ergonomics):
    token = _token(_search(reader_client, "ergonomie"))
    session_before = dict(reader_client.session.items())
    response = _click(reader_client, token)
    assert response.status_code == 204
    assert not response.cookies  # no new cookie, no session written
    assert dict(reader_client.session.items()) == session_before
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_anonymous_callers_are_refused_and_count_nothing(client, signed_in, reader, ergonomics):
    token = _token(_search(signed_in(reader), "ergonomie"))
    before = _counts()
    response = _click(client, token)
    assert response.status_code == 401
    assert "connectez-vous" in response.content.decode()
    assert _counts() == before


@pytest.mark.django_db
def test_csrf_is_required(reader, ergonomics):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    response = _search(browser, "ergonomie")
    token = _token(response)
    before = _counts()
    assert _click(browser, token).status_code == 403
    assert _counts() == before
    csrf = re.search(r'data-csrf-token="(\w+)"', response.content.decode()).group(1)
    assert _click(browser, token, csrfmiddlewaretoken=csrf).status_code == 204
    assert SearchQueryRecord.objects.get().clicked_searches == 1


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_only_post_is_accepted(reader_client, ergonomics, method):
    token = _token(_search(reader_client, "ergonomie"))
    before = _counts()
    response = getattr(reader_client, method)(CLICK_URL, {"jeton": token, "clic": "resultat"})
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "POST" in response.content.decode()
    assert _counts() == before


# Hostile input


HOSTILE_FIELDS = [
    {"jeton": "\x00", "clic": "resultat"},
    {"jeton": "²", "clic": "²"},
    {"jeton": "99999999999999999999", "clic": "99999999999999999999"},
    {"jeton": "-1", "clic": "-1"},
    {"jeton": "x" * 10_000, "clic": "x" * 10_000},
    {"jeton": "a:b:c", "clic": "suggestion"},
    {"jeton": ":", "clic": "resultat"},
    {"jeton": "e30:1tHxY2:AAAA", "clic": "resultat"},
    {"jeton": ["deux", "valeurs"], "clic": ["resultat", "suggestion"]},
    {"clic": "resultat"},
    {"jeton": ""},
    {"autre": "champ"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", HOSTILE_FIELDS, ids=range(len(HOSTILE_FIELDS)))
def test_hostile_fields_get_a_french_400(reader_client, ergonomics, payload):
    _search(reader_client, "ergonomie")
    before = _counts()
    _assert_refused_in_french(reader_client.post(CLICK_URL, payload))
    assert _counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    ["jeton=%FF%FE&clic=%C3", "jeton=%ED%A0%80&clic=resultat", "jeton=%00&clic=%00", "%%%", "jeton", "&&&=="],
)
def test_undecodable_bodies_get_a_french_400(reader_client, ergonomics, body):
    before = _counts()
    response = reader_client.post(CLICK_URL, body, content_type="application/x-www-form-urlencoded")
    _assert_refused_in_french(response)
    assert _counts() == before


@pytest.mark.django_db
def test_a_json_body_gets_a_french_400(reader_client, ergonomics):
    token = _token(_search(reader_client, "ergonomie"))
    response = reader_client.post(CLICK_URL, {"jeton": token, "clic": "resultat"}, content_type="application/json")
    _assert_refused_in_french(response)


@pytest.mark.django_db
def test_any_input_gets_204_or_a_french_400_never_an_error(reader_client, ergonomics):
    """Hypothesis mixes hostile values with a valid token and kind; only a valid pair counts, once."""
    token = _token(_search(reader_client, "ergonomie"))

    @hypothesis_settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        jeton=st.none() | st.just(token) | raw_values("jeton"),
        clic=st.none() | st.sampled_from(["resultat", "suggestion"]) | raw_values("clic"),
    )
    def check(jeton, clic):
        payload = {name: value for name, value in (("jeton", jeton), ("clic", clic)) if value is not None}
        before = _counts()
        response = reader_client.post(CLICK_URL, payload)
        valid = jeton == token and clic in ("resultat", "suggestion")
        if valid:
            assert response.status_code == 204, payload
        else:
            assert response.status_code == 400, payload
            _assert_refused_in_french(response)
            assert _counts() == before, payload

    check()
    record = SearchQueryRecord.objects.get()
    assert record.clicked_searches <= record.searches_with_results == 1
    assert record.suggestions_taken <= record.searches == 1


# Cost and retention


@pytest.mark.django_db
def test_the_click_costs_a_fixed_number_of_queries(reader_client, ergonomics):
    token = _token(_search(reader_client, "ergonomie"))
    counts = []
    for more in (5, 30):
        for number in range(more):
            record_search(f"recherche {len(counts)} {number}", 1)
        _click(reader_client, token)  # what each process keeps for good is loaded once
        with CaptureQueriesContext(connection) as context:
            assert _click(reader_client, token, "suggestion").status_code == 204
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1], counts
    # The session and its user, then one update of the search and one of its day.
    assert counts[0] <= 4, counts


@pytest.mark.django_db
def test_retention_deletes_the_counters_with_their_search_and_keeps_the_daily_totals(
    reader_client, ergonomics, monkeypatch
):
    token = _token(_search(reader_client, "ergonomie"))
    assert _click(reader_client, token).status_code == 204
    record = SearchQueryRecord.objects.get()
    searched_at = record.last_searched_at
    assert searched_at == SearchQueryRecord.objects.get().last_searched_at  # a click does not prolong it

    later = timezone.now() + datetime.timedelta(days=800)
    assert purge_search_log(now=later) == 1
    assert not SearchQueryRecord.objects.exists()
    day = SearchDailyCount.objects.get()
    assert (day.searches, day.clicked_searches) == (1, 1)
    # A click sent afterwards (a page left open) makes nothing again.
    assert _click(reader_client, token, "suggestion").status_code == 204
    assert not SearchQueryRecord.objects.exists()
