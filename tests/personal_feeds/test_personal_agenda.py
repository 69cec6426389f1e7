"""Personal agenda: the events of the secret's owner, in a calendar readable without a session."""

import pytest
from icalendar import Calendar

from tests import factories
from tests.utils import assert_query_budget, restrict_page_to_groups

from .conftest import personal_url


def summaries(response) -> set[str]:
    return {str(event.get("summary")) for event in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.fixture
def events(sections, committee):
    public = factories.EventPageFactory(title="Réunion d'information ouverte")
    restricted = factories.EventPageFactory(title="Séminaire du comité")
    restrict_page_to_groups(restricted, committee)
    return public, restricted


@pytest.mark.django_db
def test_agenda_works_without_a_session(client, reader_secret, events):
    response = client.get(personal_url(reader_secret, "agenda.ics"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["url"]) == "http://testserver" + events[0].url


@pytest.mark.django_db
def test_restricted_event_only_in_a_member_s_agenda(client, reader_secret, member_secret, events):
    assert summaries(client.get(personal_url(reader_secret, "agenda.ics"))) == {"Réunion d'information ouverte"}
    assert "Séminaire du comité" in summaries(client.get(personal_url(member_secret, "agenda.ics")))


@pytest.mark.django_db
def test_control_characters_in_an_event_leave_the_calendar_readable(client, reader_secret, sections):
    factories.EventPageFactory(title="Atelier\x01 ergonomie\x1b", location="Salle\x0b B", summary="Ordre\x08 du jour")
    response = client.get(personal_url(reader_secret, "agenda.ics"))
    assert response.status_code == 200
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Atelier ergonomie"
    assert str(event["location"]) == "Salle B"
    assert b"\x01" not in response.content and b"\x1b" not in response.content


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_events(client, reader_secret, sections):
    assert_query_budget(
        client, personal_url(reader_secret, "agenda.ics"), factories.EventPageFactory.create_batch, budget=10
    )
