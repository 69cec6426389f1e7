"""The home dashboard: my métier's news, upcoming events, my groups and their meetings, key figures."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from home.services.dashboard import build_dashboard, key_figures
from projects.models import GroupStatus, NeedStatus, WorkingGroupMember
from tests import factories
from tests.utils import page_text


@pytest.fixture
def nurse(reader, home):
    """The reader's directory entry: an infirmière."""
    infirmier = factories.MetierFactory(name="Infirmier en santé au travail")
    return factories.PersonFactory(user=reader, first_name="Lina", last_name="Lecteur", metier=infirmier)


def _days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.mark.django_db
def test_news_for_my_metier_and_for_everyone_but_not_for_another_metier_only(reader, nurse):
    medecin = factories.MetierFactory(name="Médecin du travail")
    mine = factories.NewsPageFactory(title="Pour les infirmiers", metiers=[nurse.metier])
    shared = factories.NewsPageFactory(title="Pour tout le monde")
    both = factories.NewsPageFactory(title="Pour médecins et infirmiers", metiers=[medecin, nurse.metier])
    factories.NewsPageFactory(title="Pour les médecins seulement", metiers=[medecin])
    factories.NewsPageFactory(title="Brouillon pour les infirmiers", metiers=[nurse.metier], live=False)

    dashboard = build_dashboard(reader, news_count=10)

    assert dashboard.metier == nurse.metier
    assert {news.title for news in dashboard.news} == {mine.title, shared.title, both.title}


@pytest.mark.django_db
def test_news_are_newest_first_and_limited_to_the_home_page_setting(reader, nurse):
    for day in range(1, 7):
        factories.NewsPageFactory(title=f"Actualité du {day} juin", date=datetime.date(2025, 6, day))
    dashboard = build_dashboard(reader, news_count=4)
    assert [news.title for news in dashboard.news] == [f"Actualité du {day} juin" for day in (6, 5, 4, 3)]


@pytest.mark.django_db
def test_without_a_directory_entry_every_news_is_shown(reader, home):
    medecin = factories.MetierFactory(name="Médecin du travail")
    factories.NewsPageFactory(title="Pour les médecins seulement", metiers=[medecin])
    dashboard = build_dashboard(reader)
    assert dashboard.person is None and dashboard.metier is None
    assert [news.title for news in dashboard.news] == ["Pour les médecins seulement"]


@pytest.mark.django_db
def test_only_upcoming_events_for_my_metier_or_everyone(reader, nurse):
    medecin = factories.MetierFactory(name="Médecin du travail")
    soon = factories.EventPageFactory(title="Réunion des infirmiers", start=_days(2), metiers=[nurse.metier])
    later = factories.EventPageFactory(title="Demi-journée d'échanges", start=_days(20))
    factories.EventPageFactory(title="Réunion passée", start=_days(-2))
    factories.EventPageFactory(title="Réunion des médecins", start=_days(3), metiers=[medecin])
    factories.EventPageFactory(title="Événement en brouillon", start=_days(4), live=False)

    dashboard = build_dashboard(reader)

    assert [event.title for event in dashboard.events] == [soon.title, later.title]


@pytest.mark.django_db
def test_my_groups_as_member_pilot_or_referent_and_their_next_meetings(reader, nurse):
    as_member = factories.WorkingGroupPageFactory(title="Risque chimique")
    as_pilot = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    as_referent = factories.WorkingGroupPageFactory(title="Santé mentale", referent=nurse)
    factories.WorkingGroupPageFactory(title="Groupe des autres")
    draft = factories.WorkingGroupPageFactory(title="Groupe en brouillon", live=False)
    factories.WorkingGroupMemberFactory(page=as_member, person=nurse)
    factories.WorkingGroupMemberFactory(page=as_pilot, person=nurse, role=WorkingGroupMember.Role.PILOT)
    factories.WorkingGroupMemberFactory(page=draft, person=nurse)
    factories.WorkingGroupMeetingFactory(page=as_member, title="Réunion de juin", starts_at=_days(5))
    factories.WorkingGroupMeetingFactory(page=as_pilot, title="Réunion passée", starts_at=_days(-5))
    factories.WorkingGroupMeetingFactory(page=factories.WorkingGroupPageFactory(), title="Réunion d'un autre groupe")

    dashboard = build_dashboard(reader)

    assert [group.title for group in dashboard.groups] == sorted([as_member.title, as_pilot.title, as_referent.title])
    assert [meeting.title for meeting in dashboard.meetings] == ["Réunion de juin"]


@pytest.mark.django_db
def test_anonymous_user_gets_an_empty_personal_dashboard(home):
    dashboard = build_dashboard(AnonymousUser())
    assert dashboard.person is None and dashboard.groups == [] and dashboard.meetings == []


def _needs(figures):
    return {str(label): count for label, count in figures.needs_by_status}


def _groups(figures):
    return {str(label): count for label, count in figures.groups_by_status}


@pytest.mark.django_db
def test_key_figures_follow_the_needs_sheets(home):
    factories.NeedsSheetPageFactory(status=NeedStatus.SUBMITTED)
    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED)
    before = key_figures(AnonymousUser())
    assert (_needs(before)["Soumise"], _needs(before)["Retenue"], before.needs_total) == (1, 1, 2)

    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED)
    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED, live=False)
    after = key_figures(AnonymousUser())

    assert _needs(after)["Retenue"] == _needs(before)["Retenue"] + 1 == 2
    assert _needs(after)["Soumise"] == _needs(before)["Soumise"]
    assert after.needs_total == before.needs_total + 1
    assert list(_needs(after)) == ["Soumise", "En étude", "Retenue", "Non retenue"]


@pytest.mark.django_db
def test_key_figures_follow_groups_events_and_trained_staff(home):
    factories.WorkingGroupPageFactory(status=GroupStatus.CLOSED)
    before = key_figures(AnonymousUser())
    factories.WorkingGroupPageFactory(status=GroupStatus.CLOSED)
    factories.EventPageFactory(start=_days(3))
    factories.EventPageFactory(start=_days(-3))
    factories.PersonFactory(trained_in_project_management_on=datetime.date(2025, 2, 4))
    factories.PersonFactory(trained_in_project_management_on=None)
    after = key_figures(AnonymousUser())

    assert _groups(after)["Clos"] == _groups(before)["Clos"] + 1 == 2
    assert after.groups_total == before.groups_total + 1
    assert after.upcoming_events == before.upcoming_events + 1
    assert after.events_held == before.events_held + 1
    assert after.trained_staff == before.trained_staff + 1


@pytest.mark.django_db
def test_home_page_shows_my_news_my_groups_and_the_figures(reader_client, nurse):
    medecin = factories.MetierFactory(name="Médecin du travail")
    factories.NewsPageFactory(title="Pour les infirmiers", metiers=[nurse.metier])
    factories.NewsPageFactory(title="Pour les médecins seulement", metiers=[medecin])
    group = factories.WorkingGroupPageFactory(title="Risque chimique")
    factories.WorkingGroupMemberFactory(page=group, person=nurse)
    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED)
    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED)

    response = reader_client.get("/")

    assert response.status_code == 200
    text = page_text(response)
    assert "Pour les infirmiers" in text
    assert "Pour les médecins seulement" not in text
    assert "Risque chimique" in text
    assert "Retenue : 2" in text
    assert "Bonjour Lina" in text
