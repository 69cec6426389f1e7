"""Hand-picked hostile values, each parameter of each address in turn: never a server error.

The values that broke the portal before (NUL bytes, "²", huge numbers, unknown operators, hundreds of
words…) are all here; the property-based tests next to this file mix them at random.
"""

import pytest

from tests.hostile.addresses import API_PARAMETERS, FEED_PARAMETERS, LISTING_PARAMETERS, SEARCH_PARAMETERS, hand_picked


def _get_all(client, base_url, parameters) -> list[str]:
    """The query strings that answered with a server error (or raised one)."""
    failures = []
    separator = "&" if "?" in base_url else "?"
    for query_string in hand_picked(parameters):
        url = f"{base_url}{separator}{query_string}"
        try:
            status = client.get(url).status_code
        except Exception as error:  # noqa: BLE001 - the failure is reported with its address
            failures.append(f"{url[:200]} -> {type(error).__name__}: {str(error)[:200]}")
            continue
        if status >= 500:
            failures.append(f"{url[:200]} -> {status}")
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(LISTING_PARAMETERS))
def test_listings(reader_client, world, label):
    url = world["sections"][label].url
    failures = _get_all(reader_client, url, LISTING_PARAMETERS[label])
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/recherche/", "/api/search/"])
def test_search(reader_client, world, url):
    failures = _get_all(reader_client, url, SEARCH_PARAMETERS)
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_feeds_and_calendars(reader_client, world):
    secret = world["feed_secret"]
    group = world["group"].pk
    urls = [
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
    failures = [failure for url in urls for failure in _get_all(reader_client, url, FEED_PARAMETERS)]
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_wagtail_api(reader_client, world):
    urls = [
        "/api/v2/pages/",
        f"/api/v2/pages/{world['news'].pk}/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]
    failures = [failure for url in urls for failure in _get_all(reader_client, url, API_PARAMETERS)]
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_other_pages(reader_client, world):
    urls = [
        "/notifications/",
        "/mon-compte/abonnements/",
        "/ma-fiche/",
        world["news"].url,
        world["event"].url,
        world["group"].url,
        world["sheet"].url,
        world["sections"]["projects.NeedsIndexPage"].url + "mes-fiches/",
        world["sections"]["projects.NeedsIndexPage"].url + "soumettre/",
        world["sections"]["people.DirectoryPage"].url + f"{world['person'].pk}/",
        "/",
    ]
    failures = [failure for url in urls for failure in _get_all(reader_client, url, ["page", "q", "next", "metier"])]
    assert not failures, "\n".join(failures)
