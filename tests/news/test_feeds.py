"""RSS and Atom feeds of the news for signed-in readers."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from news.feeds import NewsFeed
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news(home):
    medecin = factories.MetierFactory(name="Médecin du travail")
    return {
        "old": factories.NewsPageFactory(title="Actualité de janvier", date=datetime.date(2025, 1, 15)),
        "new": factories.NewsPageFactory(
            title="Actualité de juin", date=datetime.date(2025, 6, 2), summary="Réunions d'information par métier."
        ),
        "medecins": factories.NewsPageFactory(
            title="Pour les médecins", date=datetime.date(2025, 3, 1), metiers=[medecin]
        ),
        "infirmiers": factories.NewsPageFactory(
            title="Pour les infirmiers",
            date=datetime.date(2025, 2, 1),
            metiers=[factories.MetierFactory(name="Infirmier en santé au travail")],
        ),
        "draft": factories.NewsPageFactory(title="Brouillon", date=datetime.date(2025, 7, 1), live=False),
        "medecin": medecin,
    }


@pytest.mark.django_db
def test_rss_is_valid_xml_with_the_latest_news_first(reader_client, news):
    response = reader_client.get("/flux/actualites.rss")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Actualité de juin", "Pour les médecins", "Pour les infirmiers", "Actualité de janvier"]
    first = channel.find("item")
    assert first.findtext("description") == "Réunions d'information par métier."
    assert first.findtext("link") == "http://testserver" + news["new"].url


@pytest.mark.django_db
def test_atom_is_valid_xml_with_the_latest_news(reader_client, news):
    response = reader_client.get("/flux/actualites.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles[0] == "Actualité de juin"
    assert "Brouillon" not in titles
    assert len(titles) == 4


@pytest.mark.django_db
def test_feed_filters_by_metier(reader_client, news):
    """News for the métier and news for everyone; not those meant for other métiers only."""
    response = reader_client.get(f"/flux/actualites.rss?metier={news['medecin'].slug}")
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert titles == ["Actualité de juin", "Pour les médecins", "Actualité de janvier"]


@pytest.mark.django_db
def test_two_readers_fetching_the_feed_at_once_each_get_their_own_filter(rf, reader, news):
    """One feed object serves every request (threads included): a filter must not leak into another request."""
    feed = NewsFeed()
    filtered_request = rf.get("/flux/actualites.rss", {"metier": news["medecin"].slug})
    plain_request = rf.get("/flux/actualites.rss")
    filtered = feed.get_object(filtered_request)
    plain = feed.get_object(plain_request)  # arrives while the first is still being built
    assert "Pour les infirmiers" not in [item.title for item in feed.items(filtered)]
    assert "Pour les infirmiers" in [item.title for item in feed.items(plain)]
    assert len(feed.items(plain)) == 4


@pytest.mark.django_db
def test_new_news_appears_in_the_feed(reader_client, news):
    factories.NewsPageFactory(title="Toute dernière actualité", date=datetime.date(2025, 9, 1))
    titles = [
        item.findtext("title") for item in ET.fromstring(reader_client.get("/flux/actualites.rss").content).iter("item")
    ]
    assert titles[0] == "Toute dernière actualité"
