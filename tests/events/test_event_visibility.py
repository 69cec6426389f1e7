"""The agenda for the reader only: listings and calendars hide restricted events; "upcoming" follows
base.schedule; hostile filter values are explained, not fatal; fixed query counts."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests import factories
from tests.utils import (
    assert_query_budget,
    assert_shown_only_to_members,
    hostile_queries,
    page_text,
    restrict_page_to_groups,
)

SECRET = "Comité de pilotage restreint"
REFUSED = "Certains filtres n’ont pas été appliqués"


@pytest.fixture
def agenda(sections):
    return sections["events.EventIndexPage"]


def _secret_event(committee, **fields):
    event = factories.EventPageFactory(title=SECRET, **fields)
    restrict_page_to_groups(event, committee)
    return event


def _summaries(response) -> set[str]:
    return {str(event.get("summary")) for event in Calendar.from_ical(response.content).walk("VEVENT")}


def _rich_events(count: int, **fields):
    metier = factories.MetierFactory()
    group = factories.WorkingGroupPageFactory()
    for _ in range(count):
        event = factories.EventPageFactory(metiers=[metier], working_group=group, **fields)
        event.tags.add("Prévention")
        event.save()


@pytest.mark.django_db
def test_agenda_hides_restricted_upcoming_events(reader_client, member_client, committee, agenda):
    _secret_event(committee)
    assert_shown_only_to_members(reader_client, member_client, agenda.url, SECRET)


@pytest.mark.django_db
def test_agenda_hides_restricted_past_events(reader_client, member_client, committee, agenda):
    _secret_event(committee, start=timezone.now() - datetime.timedelta(days=3))
    assert_shown_only_to_members(reader_client, member_client, agenda.url + "?periode=passes", SECRET)


@pytest.mark.django_db
def test_agenda_ics_hides_restricted_events(reader_client, member_client, committee, agenda):
    _secret_event(committee)
    factories.EventPageFactory(title="Réunion ouverte")
    assert_shown_only_to_members(reader_client, member_client, "/flux/agenda.ics", SECRET)
    assert _summaries(reader_client.get("/flux/agenda.ics")) == {"Réunion ouverte"}


@pytest.mark.django_db
def test_event_ics_of_a_restricted_event_is_404_for_outsiders(reader_client, member_client, committee, agenda):
    event = _secret_event(committee)
    url = f"/flux/agenda/{event.pk}.ics"
    outsider = reader_client.get(url)
    assert outsider.status_code == 404
    assert SECRET not in outsider.content.decode()
    member = member_client.get(url)
    assert member.status_code == 200
    assert _summaries(member) == {SECRET}


@pytest.mark.django_db
def test_event_ics_of_an_id_out_of_range_is_404(reader_client, agenda):
    assert reader_client.get("/flux/agenda/99999999999999999999.ics").status_code == 404


@pytest.mark.django_db
def test_agenda_tag_choices_come_from_visible_events_only(reader_client, member_client, committee, agenda):
    event = _secret_event(committee)
    event.tags.add("Ordre du jour secret")
    event.save()
    assert "ordre-du-jour-secret" not in reader_client.get(agenda.url).content.decode()
    assert "ordre-du-jour-secret" in member_client.get(agenda.url).content.decode()


@pytest.mark.django_db
def test_an_event_started_an_hour_ago_is_still_upcoming(reader_client, agenda):
    now = timezone.now()
    factories.EventPageFactory(title="Réunion en cours", start=now - datetime.timedelta(hours=1))
    factories.EventPageFactory(
        title="Formation terminée hier",
        start=now - datetime.timedelta(days=1, hours=3),
        end=now - datetime.timedelta(days=1),
    )
    upcoming = page_text(reader_client.get(agenda.url))
    past = page_text(reader_client.get(agenda.url + "?periode=passes"))
    assert "Réunion en cours" in upcoming and "Réunion en cours" not in past
    assert "Formation terminée hier" in past and "Formation terminée hier" not in upcoming


@pytest.mark.django_db
def test_event_page_shows_practical_information_in_the_main_column(reader_client, agenda):
    event = factories.EventPageFactory(title="Rencontre des pilotes", location="Lens, salle Europe")
    event.tags.add("Pilotes")
    event.save()
    body = reader_client.get(event.url).content.decode()
    article = body[body.index("<article") : body.index("</article>")]
    sidebar = body[body.index('<div class="sidebar">') :]
    assert "Informations pratiques" in article and "Lens, salle Europe" in article
    assert "Pour qui ?" in sidebar and "Pilotes" in sidebar
    assert f'href="{agenda.url}?tag=pilotes"' in sidebar
    assert "Informations pratiques" not in sidebar


@pytest.mark.django_db
def test_agenda_filters_by_tag(reader_client, agenda):
    tagged = factories.EventPageFactory(title="Sur la vaccination")
    tagged.tags.add("Vaccination")
    tagged.save()
    factories.EventPageFactory(title="Autre sujet")
    text = page_text(reader_client.get(agenda.url + "?tag=vaccination"))
    assert "Sur la vaccination" in text and "Autre sujet" not in text


HOSTILE = hostile_queries("periode", "type", "metier", "tag") + ["?tag=" + "é" * 3000]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE)
def test_agenda_explains_hostile_filter_values(reader_client, agenda, query):
    factories.EventPageFactory(title="Réunion à venir")
    response = reader_client.get(agenda.url + query + "&page=²")
    assert response.status_code == 200
    text = page_text(response)
    assert REFUSED in text
    assert "Réunion à venir" in text


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?periode=passes"])
def test_agenda_query_budget(reader_client, agenda, query):
    start = timezone.now() + datetime.timedelta(days=3 if not query else -3)
    assert_query_budget(reader_client, agenda.url + query, lambda n: _rich_events(n, start=start))


@pytest.mark.django_db
def test_event_page_query_budget(reader_client, agenda):
    event = factories.EventPageFactory(
        organiser=factories.PersonFactory(), working_group=factories.WorkingGroupPageFactory()
    )

    def add_items(count):
        for index in range(count):
            event.metiers.add(factories.MetierFactory())
            event.tags.add(f"Mot-clé {event.tags.count()} {index}")
        event.save()

    assert_query_budget(reader_client, event.url, add_items)


@pytest.mark.django_db
def test_agenda_ics_query_budget(reader_client, agenda):
    assert_query_budget(reader_client, "/flux/agenda.ics", _rich_events)


@pytest.mark.django_db
def test_a_restricted_group_is_named_only_to_its_members(reader_client, member_client, committee, agenda):
    group = factories.WorkingGroupPageFactory(title="Cellule restreinte")
    restrict_page_to_groups(group, committee)
    event = factories.EventPageFactory(title="Réunion ouverte", working_group=group)
    assert_shown_only_to_members(reader_client, member_client, event.url, "Cellule restreinte")
