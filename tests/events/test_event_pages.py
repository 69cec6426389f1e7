"""Event pages and the agenda listing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from events.models import EventKind
from home.services.site_tree import ensure_section
from tests import factories
from tests.utils import page_text

PARIS = ZoneInfo("Europe/Paris")
YEAR = datetime.date.today().year + 2  # always ahead: the agenda export keeps the last month only


@pytest.fixture
def agenda(home):
    return ensure_section("events.EventIndexPage")


@pytest.mark.django_db
def test_event_page_shows_date_time_in_paris_and_place(reader_client, home):
    event = factories.EventPageFactory(
        title="Rencontre des pilotes",
        kind=EventKind.PILOTS_MEETING,
        start=datetime.datetime(YEAR, 3, 12, 13, 0, tzinfo=datetime.UTC),
        location="Arras, salle du conseil",
    )
    response = reader_client.get(event.url)
    assert response.status_code == 200
    text = page_text(response)
    assert f"12 mars {YEAR}" in text
    assert "14:00" in text  # 13:00 UTC is 14:00 in Paris in winter
    assert "Arras, salle du conseil" in text
    assert "Rencontre des pilotes" in text
    assert f"/flux/agenda/{event.pk}.ics" in response.content.decode()


@pytest.mark.django_db
def test_agenda_lists_upcoming_events_by_default_and_past_on_request(reader_client, agenda):
    now = datetime.datetime.now(PARIS)
    factories.EventPageFactory(title="Formation à venir", start=now + datetime.timedelta(days=5))
    factories.EventPageFactory(title="Réunion passée", start=now - datetime.timedelta(days=5))

    upcoming = page_text(reader_client.get(agenda.url))
    assert "Formation à venir" in upcoming and "Réunion passée" not in upcoming

    past = page_text(reader_client.get(agenda.url + "?periode=passes"))
    assert "Réunion passée" in past and "Formation à venir" not in past


@pytest.mark.django_db
def test_agenda_filters_by_kind_and_metier(reader_client, agenda):
    infirmier = factories.MetierFactory(name="Infirmier en santé au travail")
    factories.EventPageFactory(title="Formation conduite de projet", kind=EventKind.TRAINING)
    factories.EventPageFactory(title="Réunion des infirmiers", kind=EventKind.INFORMATION_MEETING, metiers=[infirmier])

    trainings = page_text(reader_client.get(agenda.url + "?type=training"))
    assert "Formation conduite de projet" in trainings and "Réunion des infirmiers" not in trainings

    medecin = factories.MetierFactory(name="Médecin du travail")
    factories.EventPageFactory(title="Réunion des médecins", metiers=[medecin])
    nurses = page_text(reader_client.get(agenda.url + f"?metier={infirmier.slug}"))
    # Events for everyone stay in a métier's selection; events for another métier only do not.
    assert "Réunion des infirmiers" in nurses and "Formation conduite de projet" in nurses
    assert "Réunion des médecins" not in nurses


@pytest.mark.django_db
def test_an_event_cannot_end_before_it_starts(home):
    event = factories.EventPageFactory()
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "La fin doit être postérieure au début." in str(error.value)
