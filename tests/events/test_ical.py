"""iCalendar exports of the agenda: the whole agenda and one event, readable by calendar applications."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests import factories

PARIS = ZoneInfo("Europe/Paris")
YEAR = datetime.date.today().year + 2  # always ahead: the agenda export keeps the last month only


@pytest.fixture
def meeting(home):
    return factories.EventPageFactory(
        title="Réunion d'information des infirmiers",
        start=datetime.datetime(YEAR, 3, 12, 14, 0, tzinfo=PARIS),
        end=datetime.datetime(YEAR, 3, 12, 16, 30, tzinfo=PARIS),
        location="Lens, salle Europe",
        summary="Présentation du projet de service.",
    )


def _events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event.get("summary")): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_event_ics_has_summary_local_start_location_and_url(reader_client, meeting):
    response = reader_client.get(f"/flux/agenda/{meeting.pk}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = _events(response)["Réunion d'information des infirmiers"]
    start = event.decoded("dtstart")
    assert start == datetime.datetime(YEAR, 3, 12, 14, 0, tzinfo=PARIS)
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert event.decoded("dtend") == datetime.datetime(YEAR, 3, 12, 16, 30, tzinfo=PARIS)
    assert str(event["location"]) == "Lens, salle Europe"
    assert str(event["url"]) == "http://testserver" + meeting.url
    assert str(event["description"]) == "Présentation du projet de service."


@pytest.mark.django_db
def test_event_ics_carries_the_paris_time_zone_definition(reader_client, meeting):
    calendar = Calendar.from_ical(reader_client.get(f"/flux/agenda/{meeting.pk}.ics").content)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


@pytest.mark.django_db
def test_summer_time_is_kept(reader_client, home):
    event = factories.EventPageFactory(
        title="Demi-journée d'échanges", start=datetime.datetime(YEAR, 7, 1, 9, 0, tzinfo=PARIS)
    )
    ics = _events(reader_client.get(f"/flux/agenda/{event.pk}.ics"))["Demi-journée d'échanges"]
    assert ics.decoded("dtstart").astimezone(datetime.UTC) == datetime.datetime(YEAR, 7, 1, 7, 0, tzinfo=datetime.UTC)
    # Without an end, an event lasts two hours.
    assert ics.decoded("dtend") - ics.decoded("dtstart") == datetime.timedelta(hours=2)


@pytest.mark.django_db
def test_agenda_ics_lists_live_events_from_a_month_ago(reader_client, meeting):
    factories.EventPageFactory(
        title="Rencontre des pilotes passée récemment", start=datetime.datetime.now(PARIS) - datetime.timedelta(days=10)
    )
    factories.EventPageFactory(
        title="Formation ancienne", start=datetime.datetime.now(PARIS) - datetime.timedelta(days=90)
    )
    factories.EventPageFactory(title="Événement en brouillon", live=False)
    response = reader_client.get("/flux/agenda.ics")
    assert response.status_code == 200
    summaries = set(_events(response))
    assert "Réunion d'information des infirmiers" in summaries
    assert "Rencontre des pilotes passée récemment" in summaries
    assert "Formation ancienne" not in summaries
    assert "Événement en brouillon" not in summaries


@pytest.mark.django_db
def test_each_event_has_a_stable_unique_uid(reader_client, meeting, home):
    other = factories.EventPageFactory(title="Autre événement")
    first = _events(reader_client.get("/flux/agenda.ics"))
    second = _events(reader_client.get("/flux/agenda.ics"))
    uids = {str(event["uid"]) for event in first.values()}
    assert len(uids) == 2
    assert uids == {str(event["uid"]) for event in second.values()}
    assert other.title in first


@pytest.mark.django_db
def test_event_ics_of_a_draft_is_404(reader_client, home):
    draft = factories.EventPageFactory(title="Événement en brouillon", live=False)
    response = reader_client.get(f"/flux/agenda/{draft.pk}.ics")
    assert response.status_code == 404
    assert b"BEGIN:VEVENT" not in response.content


@pytest.mark.django_db
def test_event_ics_of_an_unknown_event_is_404(reader_client, home):
    assert reader_client.get("/flux/agenda/987654.ics").status_code == 404
