"""Whatever a query string holds, every address answers without a server error, and in French.

One property per family of addresses (listings, search, feeds and calendars, the Wagtail API, media and
documents); each example draws the address and its parameters, so one test covers the whole family.
Hostile values (NUL, control characters, "²", "١٢٣", numbers no column holds, lone surrogates as they
arrive percent-encoded, hundreds of words, SQL and HTML syntax) are mixed with valid ones.
"""

import xml.etree.ElementTree as ET

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.api import in_french
from tests.hostile.addresses import API_PARAMETERS, FEED_PARAMETERS, LISTING_PARAMETERS, SEARCH_PARAMETERS
from tests.hostile.strategies import EXAMPLES, path_segments, query_strings
from tests.utils import page_text


def check_answer(response, url: str) -> None:
    """No server error; an HTML page is the portal's, in French, and shows every refused filter's message;
    a JSON refusal says why in French; a feed or calendar is well formed."""
    status = response.status_code
    assert status < 500, url
    if status in (301, 302, 303, 304, 401):
        return
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        assert '<html lang="fr">' in response.content.decode(), url
        context = response.context
        messages = (context.get("filter_messages") if context is not None else None) or []
        text = page_text(response)
        for message in messages:
            assert str(message) in text, url
    elif "json" in content_type:
        data = response.json()
        if status >= 400:
            assert data["message"] and in_french(data["message"]) == data["message"], (url, data)
    elif status == 200 and ("rss" in content_type or "atom" in content_type):
        ET.fromstring(response.content)
    elif status == 200 and content_type.startswith("text/calendar"):
        icalendar.Calendar.from_ical(response.content)


def _get(client, base_url: str, query_string: str):
    url = f"{base_url}{'&' if '?' in base_url else '?'}{query_string}"
    check_answer(client.get(url), url)


@pytest.mark.django_db
@EXAMPLES
@given(data=st.data())
def test_listings_answer_any_query_string(reader_client, world, data):
    pages = world["sections"]
    targets = [(pages[label].url, parameters) for label, parameters in LISTING_PARAMETERS.items()]
    targets += [
        ("/notifications/", ["page"]),
        ("/mon-compte/abonnements/", ["page", "next"]),
        (pages["projects.NeedsIndexPage"].url + "mes-fiches/", ["page", "statut"]),
        (world["news"].url, ["page", "metier"]),
        ("/", ["metier", "page"]),
    ]
    url, parameters = data.draw(st.sampled_from(targets), label="address")
    _get(reader_client, url, data.draw(query_strings(parameters), label="query"))


@pytest.mark.django_db
@EXAMPLES
@given(url=st.sampled_from(["/recherche/", "/api/search/"]), query=query_strings(SEARCH_PARAMETERS))
def test_search_answers_any_query_string(reader_client, world, url, query):
    response = reader_client.get(f"{url}?{query}")
    check_answer(response, query)
    assert response.status_code == 200, query
    assert "Note réservée au comité" not in response.content.decode()


@pytest.mark.django_db
@EXAMPLES
@given(data=st.data())
def test_feeds_and_calendars_answer_any_query_string(reader_client, world, data):
    secret, group = world["feed_secret"], world["group"].pk
    url = data.draw(
        st.sampled_from(
            [
                "/flux/actualites.rss",
                "/flux/actualites.atom",
                "/flux/agenda.ics",
                f"/flux/agenda/{world['event'].pk}.ics",
                f"/flux/groupes/{group}/reunions.ics",
                f"/flux/personnel/{secret}/actualites.rss",
                f"/flux/personnel/{secret}/actualites.atom",
                f"/flux/personnel/{secret}/agenda.ics",
                f"/flux/personnel/{secret}/groupes/{group}/reunions.ics",
            ]
        ),
        label="address",
    )
    _get(reader_client, url, data.draw(query_strings(FEED_PARAMETERS), label="query"))


@pytest.mark.django_db
@EXAMPLES
@given(data=st.data())
def test_wagtail_api_answers_any_query_string(reader_client, world, data):
    url = data.draw(
        st.sampled_from(
            [
                "/api/v2/pages/",
                "/api/v2/pages/?type=news.NewsPage",
                f"/api/v2/pages/{world['news'].pk}/",
                "/api/v2/images/",
                f"/api/v2/images/{world['image'].pk}/",
                "/api/v2/documents/",
                f"/api/v2/documents/{world['document'].pk}/",
            ]
        ),
        label="address",
    )
    query = data.draw(query_strings(API_PARAMETERS), label="query")
    response = reader_client.get(f"{url}{'&' if '?' in url else '?'}{query}")
    check_answer(response, query)
    assert response.status_code in (200, 400, 404), query
    assert "Note réservée au comité" not in response.content.decode()


@pytest.mark.django_db
@EXAMPLES
@given(data=st.data())
def test_media_and_documents_answer_any_path(reader_client, world, data):
    document, image = world["document"], world["image"]
    prefix = data.draw(
        st.sampled_from(
            [
                "/media/",
                "/media/images/",
                "/media/original_images/",
                "/media/documents/",
                f"/documents/{document.pk}/",
                "/documents/",
                f"/api/v2/images/{image.pk}/",
            ]
        ),
        label="prefix",
    )
    segments = data.draw(st.lists(path_segments(), min_size=1, max_size=3), label="segments")
    url = prefix + "/".join(segments)
    check_answer(reader_client.get(url), url)
