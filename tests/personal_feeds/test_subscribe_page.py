"""The "S’abonner" buttons lead to the reader's own address, one that calendar applications can read."""

import re

import pytest
from django.test import Client

from personal_feeds.models import FeedToken
from personal_feeds.services import token_for
from tests import factories
from tests.utils import HOSTILE_VALUES, assert_query_budget, is_redirect_to_sign_in, page_text

from .conftest import personal_url

SUBSCRIBE_NEWS = "/mon-compte/flux/s-abonner/actualites/"
SUBSCRIBE_AGENDA = "/mon-compte/flux/s-abonner/agenda/"


def group_subscribe_url(group) -> str:
    return f"/mon-compte/flux/s-abonner/groupes/{group.pk}/"


def secrets_in(body: str) -> set[str]:
    return set(re.findall(r"/flux/personnel/([A-Za-z0-9_-]{43})/", body))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("section", "button", "target"),
    [
        ("events.EventIndexPage", "S’abonner à l’agenda (iCalendar)", SUBSCRIBE_AGENDA),
        ("news.NewsIndexPage", "Flux RSS/Atom", SUBSCRIBE_NEWS),
    ],
)
def test_the_visible_button_leads_to_the_subscribe_page(reader_client, sections, section, button, target):
    body = reader_client.get(sections[section].url).content.decode()
    assert button in body
    assert f'href="{target}"' in body
    assert 'class="button button--secondary button--small" href="/flux/' not in body


@pytest.mark.django_db
def test_news_head_announces_the_personal_feeds_once_created(reader_client, reader, sections):
    url = sections["news.NewsIndexPage"].url
    assert 'type="application/rss+xml" title="Actualités (RSS)" href="/flux/actualites.rss"' in (
        reader_client.get(url).content.decode()
    )
    secret = token_for(reader)[0].secret
    body = reader_client.get(url).content.decode()
    assert f'href="http://testserver/flux/personnel/{secret}/actualites.rss"' in body


@pytest.mark.django_db
def test_the_footer_links_lead_to_the_subscribe_pages(reader_client, sections):
    body = reader_client.get(sections["news.NewsIndexPage"].url).content.decode()
    footer = body[body.index('class="site-footer"') :]
    assert f'href="{SUBSCRIBE_NEWS}"' in footer and f'href="{SUBSCRIBE_AGENDA}"' in footer


@pytest.mark.django_db
def test_the_agenda_address_is_created_on_first_use_and_works_without_a_session(reader_client, reader, sections):
    client = Client()  # a calendar application: no session
    assert not FeedToken.objects.filter(user=reader).exists()
    response = reader_client.get(SUBSCRIBE_AGENDA)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    secret = FeedToken.objects.get(user=reader).secret
    body = response.content.decode()
    assert f'value="http://testserver/flux/personnel/{secret}/agenda.ics"' in body
    assert f'href="webcal://testserver/flux/personnel/{secret}/agenda.ics"' in body
    assert "Outlook" in page_text(response)
    # Secondary: the session-bound address, said to need a signed-in browser.
    assert 'href="/flux/agenda.ics"' in body and "connexion requise" in body
    # A calendar application (no session) reads the personal address, not the session-bound one.
    assert client.get(personal_url(secret, "agenda.ics")).status_code == 200
    assert client.get("/flux/agenda.ics").status_code == 401
    # Opened again: the same address, no new secret.
    reader_client.get(SUBSCRIBE_AGENDA)
    assert FeedToken.objects.get(user=reader).secret == secret


@pytest.mark.django_db
def test_the_news_page_gives_rss_and_atom_with_the_filters(reader_client, reader_secret, sections):
    body = reader_client.get(SUBSCRIBE_NEWS + "?annee=2024&metier=%00").content.decode()
    assert f"/flux/personnel/{reader_secret}/actualites.rss?annee=2024" in body
    assert f"/flux/personnel/{reader_secret}/actualites.atom?annee=2024" in body
    assert "%00" not in body


@pytest.mark.django_db
def test_the_group_page_button_gives_the_meetings_address(reader_client, reader, group):
    client = Client()
    body = reader_client.get(group.url).content.decode()
    assert f'href="{group_subscribe_url(group)}"' in body
    body = reader_client.get(group_subscribe_url(group)).content.decode()
    secret = FeedToken.objects.get(user=reader).secret
    assert f"/flux/personnel/{secret}/groupes/{group.pk}/reunions.ics" in body
    assert client.get(personal_url(secret, f"groupes/{group.pk}/reunions.ics")).status_code == 200


@pytest.mark.django_db
def test_one_readers_secret_never_appears_in_anothers_pages(reader_client, member_client, committee_member, sections):
    member_secret = token_for(committee_member)[0].secret
    for url in (SUBSCRIBE_AGENDA, SUBSCRIBE_NEWS):
        member_client.get(url)
        member_client.get(sections["events.EventIndexPage"].url)
        body = reader_client.get(url).content.decode()
        assert member_secret not in body
        assert len(secrets_in(body)) == 1
        listing = reader_client.get(sections["events.EventIndexPage"].url).content.decode()
        assert member_secret not in listing


@pytest.mark.django_db
@pytest.mark.parametrize("url", [SUBSCRIBE_NEWS, SUBSCRIBE_AGENDA])
def test_anonymous_callers_get_the_sign_in_page_and_no_token(client, sections, url):
    response = client.get(url)
    assert is_redirect_to_sign_in(response)
    assert not FeedToken.objects.exists()


@pytest.mark.django_db
def test_a_restricted_group_is_404_for_outsiders(reader_client, reader, member_client, secret_group):
    assert reader_client.get(group_subscribe_url(secret_group)).status_code == 404
    assert not FeedToken.objects.filter(user=reader).exists()
    assert member_client.get(group_subscribe_url(secret_group)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("group_id", [*HOSTILE_VALUES, str(2**63), "0"])
def test_hostile_group_ids_are_404(reader_client, sections, group_id):
    assert reader_client.get(f"/mon-compte/flux/s-abonner/groupes/{group_id}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", [SUBSCRIBE_AGENDA, SUBSCRIBE_NEWS + "?annee=2024&tag=vaccination"])
def test_subscribe_page_query_budget(reader_client, sections, url):
    assert_query_budget(reader_client, url, lambda n: factories.NewsPageFactory.create_batch(n))
