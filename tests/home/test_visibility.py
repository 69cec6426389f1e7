"""The home page and the main navigation show and count only what the reader may open."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Collection

from projects.models import GroupStatus, NeedStatus
from tests import factories
from tests.utils import (
    assert_query_budget,
    assert_shown_only_to_members,
    page_text,
    restrict_collection_to_groups,
    restrict_page_to_groups,
)


def _days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.mark.django_db
def test_restricted_news_is_shown_to_the_committee_only(reader_client, member_client, committee, home):
    factories.NewsPageFactory(title="Actualité ouverte")
    secret = factories.NewsPageFactory(title="Note réservée au comité")
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, "/", "Note réservée au comité")
    assert "Actualité ouverte" in reader_client.get("/").content.decode()


@pytest.mark.django_db
def test_restricted_event_is_in_the_agenda_of_the_committee_only(reader_client, member_client, committee, home):
    secret = factories.EventPageFactory(title="Séminaire du comité", start=_days(2))
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, "/", "Séminaire du comité")


@pytest.mark.django_db
def test_a_news_card_names_its_group_only_to_those_who_may_open_it(reader_client, member_client, committee, home):
    group = factories.WorkingGroupPageFactory(title="Cellule restreinte")
    restrict_page_to_groups(group, committee)
    factories.NewsPageFactory(title="Actualité ouverte", working_group=group)
    assert "Actualité ouverte" in page_text(reader_client.get("/"))
    assert_shown_only_to_members(reader_client, member_client, "/", "Cellule restreinte")


@pytest.mark.django_db
def test_a_news_card_shows_its_image_only_to_those_who_may_open_it(reader_client, member_client, committee, home):
    folder = Collection.get_first_root_node().add_child(name="Photos du comité")
    restrict_collection_to_groups(folder, committee)
    image = factories.ImageFactory(title="Portrait du comité", collection=folder, file__filename="portrait.png")
    factories.NewsPageFactory(title="Actualité illustrée", image=image)

    outsider, member = reader_client.get("/").content.decode(), member_client.get("/").content.decode()

    assert "Actualité illustrée" in outsider
    assert "card__media" in member and "/media/images/portrait" in member
    assert "card__media" not in outsider and "portrait" not in outsider


@pytest.mark.django_db
def test_my_restricted_group_and_its_meetings_only_when_i_may_see_it(
    reader, committee_member, reader_client, member_client, committee, home
):
    secret = factories.WorkingGroupPageFactory(title="Groupe du comité")
    restrict_page_to_groups(secret, committee)
    factories.WorkingGroupMeetingFactory(page=secret, title="Réunion confidentielle", starts_at=_days(3))
    for user in (reader, committee_member):
        factories.WorkingGroupMemberFactory(page=secret, person=factories.PersonFactory(user=user))

    outsider = reader_client.get("/")
    member = member_client.get("/")

    assert [group.title for group in outsider.context["dashboard"].groups] == []
    assert outsider.context["dashboard"].meetings == []
    assert "Groupe du comité" not in outsider.content.decode()
    assert [group.title for group in member.context["dashboard"].groups] == ["Groupe du comité"]
    assert [meeting.title for meeting in member.context["dashboard"].meetings] == ["Réunion confidentielle"]
    assert "Réunion confidentielle" in member.content.decode()


@pytest.mark.django_db
def test_key_figures_do_not_count_what_the_reader_may_not_see(reader_client, member_client, committee, home):
    factories.WorkingGroupPageFactory(status=GroupStatus.CLOSED)
    restrict_page_to_groups(factories.WorkingGroupPageFactory(status=GroupStatus.CLOSED), committee)
    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED)
    restrict_page_to_groups(factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED), committee)
    factories.EventPageFactory(start=_days(3))
    restrict_page_to_groups(factories.EventPageFactory(start=_days(4)), committee)
    factories.EventPageFactory(start=_days(-3))
    restrict_page_to_groups(factories.EventPageFactory(start=_days(-4)), committee)

    outsider = reader_client.get("/").context["dashboard"].figures
    member = member_client.get("/").context["dashboard"].figures

    assert (outsider.groups_total, dict(outsider.groups_by_status)[GroupStatus.CLOSED.label]) == (1, 1)
    assert (member.groups_total, dict(member.groups_by_status)[GroupStatus.CLOSED.label]) == (2, 2)
    assert (outsider.needs_total, dict(outsider.needs_by_status)[NeedStatus.RETAINED.label]) == (1, 1)
    assert (member.needs_total, dict(member.needs_by_status)[NeedStatus.RETAINED.label]) == (2, 2)
    assert (outsider.upcoming_events, outsider.events_held) == (1, 1)
    assert (member.upcoming_events, member.events_held) == (2, 2)


@pytest.mark.django_db
def test_main_navigation_lists_only_the_sections_the_reader_may_open(reader_client, member_client, committee, sections):
    restrict_page_to_groups(sections["knowledge.CaseStudyIndexPage"], committee)

    def titles(client):
        return [page.title for page in client.get("/").context["main_navigation"]]

    assert "Études de cas" not in titles(reader_client)
    assert "Actualités" in titles(reader_client)
    assert "Études de cas" in titles(member_client)


@pytest.mark.django_db
def test_home_page_query_count_does_not_grow_with_its_content(reader, reader_client, sections):
    person = factories.PersonFactory(user=reader, metier=factories.MetierFactory(name="Infirmier"))
    image = factories.ImageFactory()

    def add_items(n):
        for _ in range(n):
            group = factories.WorkingGroupPageFactory()
            factories.WorkingGroupMemberFactory(page=group, person=person)
            factories.WorkingGroupMeetingFactory(page=group, starts_at=_days(2))
            factories.NewsPageFactory(metiers=[person.metier], image=image, working_group=group)
            factories.EventPageFactory(start=_days(5))

    # Fixed costs: session, account, site and routing, Wagtail's restriction check, the header's permission
    # checks and navigation; then one query per list and per key figure, whatever their length.
    assert_query_budget(reader_client, "/", add_items)
