"""The "S’abonner" block on the agenda, the news index and a group page."""

import pytest

from tests.utils import page_text


@pytest.mark.django_db
@pytest.mark.parametrize("section", ["news.NewsIndexPage", "events.EventIndexPage"])
def test_block_offers_to_create_the_address(reader_client, sections, section):
    response = reader_client.get(sections[section].url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "S’abonner" in page_text(response)
    assert 'action="/mon-compte/flux/creer/"' in body
    assert "js/personal-feeds.js" in body


@pytest.mark.django_db
def test_agenda_block_shows_the_personal_address(reader_client, reader_secret, sections):
    body = reader_client.get(sections["events.EventIndexPage"].url).content.decode()
    assert f'value="http://testserver/flux/personnel/{reader_secret}/agenda.ics"' in body
    assert "ne la partagez pas" in body and "Copier" in body


@pytest.mark.django_db
def test_news_block_shows_rss_and_atom(reader_client, reader_secret, sections):
    body = reader_client.get(sections["news.NewsIndexPage"].url).content.decode()
    assert f"/flux/personnel/{reader_secret}/actualites.rss" in body
    assert f"/flux/personnel/{reader_secret}/actualites.atom" in body


@pytest.mark.django_db
def test_group_block_shows_the_meetings_address(reader_client, reader_secret, group):
    body = reader_client.get(group.url).content.decode()
    assert f"/flux/personnel/{reader_secret}/groupes/{group.pk}/reunions.ics" in body
