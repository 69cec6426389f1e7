"""Personal news feeds: no session needed, what the secret's owner may see and nothing more."""

import xml.etree.ElementTree as ET

import pytest

from tests import factories
from tests.utils import assert_query_budget, restrict_page_to_groups

from .conftest import personal_url

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_titles(response) -> list[str]:
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


@pytest.fixture
def news(sections, committee):
    public = factories.NewsPageFactory(title="Actualité pour tous")
    restricted = factories.NewsPageFactory(title="Note du comité stratégique")
    restrict_page_to_groups(restricted, committee)
    return public, restricted


@pytest.mark.django_db
def test_rss_works_without_a_session_with_absolute_links(client, reader_secret, news):
    response = client.get(personal_url(reader_secret, "actualites.rss"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("item").findtext("link") == "http://testserver" + news[0].url
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_atom_works_without_a_session(client, reader_secret, news):
    response = client.get(personal_url(reader_secret, "actualites.atom"))
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == ["Actualité pour tous"]


@pytest.mark.django_db
def test_restricted_news_only_in_a_member_s_feed(client, reader_secret, member_secret, news):
    assert "Note du comité stratégique" not in rss_titles(client.get(personal_url(reader_secret, "actualites.rss")))
    assert "Note du comité stratégique" in rss_titles(client.get(personal_url(member_secret, "actualites.rss")))


@pytest.mark.django_db
def test_a_signed_in_visitor_gets_the_secret_owner_s_feed_not_their_own(member_client, reader_secret, news):
    response = member_client.get(personal_url(reader_secret, "actualites.rss"))
    assert "Note du comité stratégique" not in rss_titles(response)


@pytest.mark.django_db
def test_filters_of_the_news_index_apply(client, reader_secret, sections):
    medecin = factories.MetierFactory(name="Médecin du travail")
    factories.NewsPageFactory(title="Pour les médecins", metiers=[medecin])
    factories.NewsPageFactory(title="Pour les infirmiers", metiers=[factories.MetierFactory(name="Infirmier")])
    response = client.get(personal_url(reader_secret, f"actualites.rss?metier={medecin.slug}"))
    assert rss_titles(response) == ["Pour les médecins"]


@pytest.mark.django_db
def test_control_characters_in_a_title_leave_the_feed_readable(client, reader_secret, sections):
    factories.NewsPageFactory(title="Alerte\x01 canicule\x0b\x1b", summary="Texte\x08 abîmé")
    response = client.get(personal_url(reader_secret, "actualites.rss"))
    assert rss_titles(response) == ["Alerte canicule"]


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_news(client, reader_secret, sections):
    assert_query_budget(
        client, personal_url(reader_secret, "actualites.rss"), factories.NewsPageFactory.create_batch, budget=10
    )
