"""Searching in the browser: from the header box to the results, narrowing them by type, on a large and a
small screen, with no serious accessibility problem."""

import re
import time

import pytest
from playwright.sync_api import expect

from search.models import SearchQueryRecord
from search.services.reporting import record_key
from tests import factories

from .test_accessibility import assert_no_blocking_violations, blocking_violations

pytestmark = pytest.mark.browser

# Found in pages of several types, a person's job title and the portal's vocabulary.
QUERY = "projet"
COUNT_LINE = re.compile(r"^(\d+) résultats? pour « projet »$")


def _count(page) -> int:
    status = page.locator(".result-count")
    expect(status).to_have_text(COUNT_LINE)
    return int(COUNT_LINE.match(status.inner_text().strip()).group(1))


def test_a_reader_searches_from_the_header_and_narrows_by_type(signed_in_page, live_server):
    page = signed_in_page
    page.get_by_role("search").get_by_label("Rechercher dans l’intranet").fill(QUERY)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/recherche/\?q=projet$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Recherche")
    total = _count(page)
    types = page.get_by_role("navigation", name="Type de contenu")
    expect(types.get_by_role("link", name=re.compile(r"^Tout "))).to_have_attribute("aria-current", "page")
    assert page.locator(".results > li").count() == min(total, 15)
    expect(page.locator(".results mark").first).to_be_visible()

    tabs = types.get_by_role("link").all()[1:]
    assert len(tabs) >= 2, "la recherche doit trouver au moins deux types de contenu"
    label, tab_count = re.match(r"^(.*?)\s+(\d+)$", tabs[0].inner_text().strip(), re.S).groups()
    assert int(tab_count) < total
    tabs[0].click()

    expect(page).to_have_url(re.compile(r"[?&]type="))
    assert _count(page) == int(tab_count)
    expect(types.get_by_role("link", name=re.compile("^" + re.escape(label)))).to_have_attribute("aria-current", "page")
    for kind in page.locator(".results .result__type > span:first-child").all_inner_texts():
        assert kind.strip(), "chaque résultat dit son type"
    problems = blocking_violations(page, "search results narrowed by type")

    page.get_by_role("link", name=re.compile(r"^Tout ")).click()
    assert _count(page) == total
    problems += blocking_violations(page, "search results")

    page.goto(live_server.url + "/recherche/")
    expect(page.get_by_text("Quelques conseils")).to_be_visible()
    problems += blocking_violations(page, "search without a query")

    page.goto(live_server.url + "/recherche/?q=ergonomei+introuvable")
    problems += blocking_violations(page, "search without results")
    assert_no_blocking_violations(problems)


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "mobile"])
def test_facets_are_a_sidebar_on_a_large_screen_and_fold_on_a_small_one(signed_in_page, live_server, width):
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/recherche/?q=" + QUERY)
    facets = page.get_by_role("complementary", name="Affiner la recherche")
    expect(facets).to_have_count(1)
    first_value = facets.locator(".facet__link").first
    if width >= 960:
        expect(first_value).to_be_visible()
        results = page.locator(".search-main").bounding_box()
        assert facets.bounding_box()["x"] < results["x"], "les facettes sont à gauche des résultats"
    else:
        expect(first_value).to_be_hidden()
        page.locator(".search-facets__summary").click()
        expect(first_value).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "pas de défilement horizontal"
    first_value.click()
    expect(page.locator(".facet__link[aria-current]")).to_have_count(1)
    expect(page.locator(".search-chip")).to_have_count(1)
    assert_no_blocking_violations(blocking_violations(page, f"search with a facet chosen ({width}px)"))


def test_a_click_on_a_result_is_counted_once_for_the_query_in_the_search_report(signed_in_page, live_server):
    factories.NewsPageFactory(title="Atelier ergonomie des caisses", summary="Les postes de caisse.")
    page = signed_in_page
    refused = []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)

    page.goto(live_server.url + "/recherche/?q=ergonomie+caisses")
    page.get_by_role("link", name="Atelier ergonomie des caisses").click()
    page.wait_for_load_state()
    record = SearchQueryRecord.objects.get(query=record_key("ergonomie caisses"))
    deadline = time.monotonic() + 10
    while record.clicked_searches == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
        record.refresh_from_db()
    assert (record.searches_with_results, record.clicked_searches) == (1, 1)
    assert refused == []
