"""A working group's meetings as a calendar: signed in, or through a personal address; never to outsiders."""

import pytest
from icalendar import Calendar

from tests import factories

from .conftest import personal_url


def summaries(response) -> list[str]:
    return [str(event.get("summary")) for event in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.fixture
def meetings(group, secret_group):
    factories.WorkingGroupMeetingFactory(page=group, title="Lancement", agenda="Tour de table\x01")
    factories.WorkingGroupMeetingFactory(page=secret_group, title="Réunion confidentielle")


@pytest.mark.django_db
def test_session_calendar_lists_the_group_meetings(reader_client, group, meetings):
    response = reader_client.get(f"/flux/groupes/{group.pk}/reunions.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Lancement (Groupe Prévention des risques)"
    assert str(event["description"]) == "Tour de table"
    assert str(event["url"]) == f"http://testserver{group.url}#reunions"


@pytest.mark.django_db
def test_session_calendar_of_a_group_the_reader_cannot_see_is_404(reader_client, member_client, secret_group, meetings):
    assert reader_client.get(f"/flux/groupes/{secret_group.pk}/reunions.ics").status_code == 404
    response = member_client.get(f"/flux/groupes/{secret_group.pk}/reunions.ics")
    assert summaries(response) == ["Réunion confidentielle (Groupe confidentiel)"]


@pytest.mark.django_db
def test_session_calendar_is_401_for_anonymous_callers(client, group):
    assert client.get(f"/flux/groupes/{group.pk}/reunions.ics").status_code == 401


@pytest.mark.django_db
def test_personal_calendar_of_the_group(client, reader_secret, member_secret, group, secret_group, meetings):
    assert summaries(client.get(personal_url(reader_secret, f"groupes/{group.pk}/reunions.ics"))) == [
        "Lancement (Groupe Prévention des risques)"
    ]
    refused = client.get(personal_url(reader_secret, f"groupes/{secret_group.pk}/reunions.ics"))
    assert refused.status_code == 404
    assert b"Groupe confidentiel" not in refused.content
    member = client.get(personal_url(member_secret, f"groupes/{secret_group.pk}/reunions.ics"))
    assert member.status_code == 200


@pytest.mark.django_db
def test_group_page_offers_the_export(reader_client, group):
    body = reader_client.get(group.url).content.decode()
    assert f'href="/flux/groupes/{group.pk}/reunions.ics"' in body
    assert "Exporter (.ics)" in body
