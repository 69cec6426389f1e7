"""Who gets an answer: unknown, revoked, regenerated and hostile secrets or ids are refused, never a 500."""

import pytest

from personal_feeds.services import regenerate, revoke
from tests.utils import HOSTILE_VALUES

from .conftest import personal_url

FEEDS = ("actualites.rss", "actualites.atom", "agenda.ics")
SESSION_URLS = ("/flux/actualites.rss", "/flux/actualites.atom", "/flux/agenda.ics")


@pytest.mark.django_db
@pytest.mark.parametrize("name", FEEDS)
def test_unknown_secret_is_401_in_plain_french(client, sections, name):
    response = client.get(personal_url("A" * 43, name))
    assert response.status_code == 401
    assert response["Content-Type"].startswith("text/plain")
    assert "Adresse d’abonnement inconnue ou révoquée" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", FEEDS)
def test_revoked_secret_is_401(client, reader, reader_secret, name):
    revoke(reader)
    assert client.get(personal_url(reader_secret, name)).status_code == 401


@pytest.mark.django_db
def test_regenerated_secret_old_is_401_new_is_200(client, reader, reader_secret, sections):
    new = regenerate(reader)
    assert client.get(personal_url(reader_secret, "agenda.ics")).status_code == 401
    assert client.get(personal_url(new, "agenda.ics")).status_code == 200


@pytest.mark.django_db
def test_inactive_account_secret_is_401(client, reader, reader_secret):
    reader.is_active = False
    reader.save()
    assert client.get(personal_url(reader_secret, "actualites.rss")).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("url", SESSION_URLS)
def test_session_feeds_stay_401_for_anonymous_callers(client, sections, url):
    assert client.get(url).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("secret", [*HOSTILE_VALUES, "%2F" * 20, "%00" * 43, "A" * 43 + "%00", "..", "%20" * 43])
@pytest.mark.parametrize("name", [*FEEDS, "groupes/1/reunions.ics"])
def test_hostile_secrets_are_401(client, sections, secret, name):
    assert client.get(personal_url(secret, name)).status_code == 401


@pytest.mark.django_db
def test_a_mangled_personal_address_is_401(client, reader_secret):
    assert client.get(f"/flux/personnel/{reader_secret}/inconnu.ics").status_code == 401
    assert client.get("/flux/personnel/x/y/z").status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("group_id", [*HOSTILE_VALUES, str(2**63), "-1", "0"])
def test_hostile_group_ids_are_404(client, reader_client, reader_secret, sections, group_id):
    assert client.get(personal_url(reader_secret, f"groupes/{group_id}/reunions.ics")).status_code == 404
    assert reader_client.get(f"/flux/groupes/{group_id}/reunions.ics").status_code == 404
