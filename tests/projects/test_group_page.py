"""A working group's page: only what the reader may see, the edit link for those who may edit, few queries."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Collection

from projects.models import NeedStatus, WorkingGroupDocument, WorkingGroupMember
from projects.services.pilots import sync_pilot_permissions
from tests import factories
from tests.utils import (
    assert_query_budget,
    assert_shown_only_to_members,
    page_text,
    restrict_collection_to_groups,
    restrict_page_to_groups,
)

EDIT_LINK = "le groupe dans l’administration"


@pytest.fixture
def group(sections):
    return factories.WorkingGroupPageFactory(title="Risque chimique")


@pytest.fixture
def committee_collection(committee):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Documents du comité")
    restrict_collection_to_groups(collection, committee)
    return collection


@pytest.mark.django_db
def test_restricted_news_is_shown_only_to_members(reader_client, member_client, committee, group):
    factories.NewsPageFactory(title="Actualité ouverte du groupe", working_group=group)
    secret = factories.NewsPageFactory(title="Actualité réservée au comité", working_group=group)
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, group.url, "Actualité réservée au comité")


@pytest.mark.django_db
def test_restricted_event_is_shown_only_to_members(reader_client, member_client, committee, group):
    secret = factories.EventPageFactory(title="Séminaire réservé au comité", working_group=group)
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, group.url, "Séminaire réservé au comité")


@pytest.mark.django_db
def test_past_events_are_not_listed(reader_client, group):
    factories.EventPageFactory(
        title="Séminaire de l'an dernier", working_group=group, start=timezone.now() - datetime.timedelta(days=300)
    )
    factories.EventPageFactory(title="Séminaire à venir", working_group=group)
    text = page_text(reader_client.get(group.url))
    assert "Séminaire à venir" in text and "Séminaire de l'an dernier" not in text


@pytest.mark.django_db
def test_restricted_micro_project_is_shown_only_to_members(reader_client, member_client, committee, group):
    secret = factories.MicroProjectPageFactory(parent=group, title="Micro-projet confidentiel")
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, group.url, "Micro-projet confidentiel")


@pytest.mark.django_db
def test_restricted_retained_need_is_shown_only_to_members(reader_client, member_client, committee, group):
    secret = factories.NeedsSheetPageFactory(
        title="Besoin retenu confidentiel", status=NeedStatus.RETAINED, suggested_group=group
    )
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, group.url, "Besoin retenu confidentiel")


@pytest.mark.django_db
def test_document_of_a_restricted_collection_is_shown_only_to_members(
    reader_client, member_client, group, committee_collection
):
    open_document = factories.make_document("grille.txt", b"Grille", title="Grille ouverte")
    secret = factories.make_document("notes.txt", b"Notes", title="Notes du comité", collection=committee_collection)
    WorkingGroupDocument.objects.create(page=group, document=open_document)
    WorkingGroupDocument.objects.create(page=group, document=secret)
    assert "Grille ouverte" in page_text(reader_client.get(group.url))
    assert_shown_only_to_members(reader_client, member_client, group.url, "Notes du comité")


@pytest.mark.django_db
def test_minutes_document_of_a_restricted_collection_is_shown_only_to_members(
    reader_client, member_client, group, committee_collection
):
    secret = factories.make_document("cr.txt", b"CR", title="Compte rendu du comité", collection=committee_collection)
    factories.WorkingGroupMeetingFactory(
        page=group,
        title="Réunion de lancement",
        starts_at=timezone.now() - datetime.timedelta(days=20),
        minutes_document=secret,
    )
    assert "Réunion de lancement" in page_text(reader_client.get(group.url))
    assert_shown_only_to_members(reader_client, member_client, group.url, "Compte rendu du comité")


@pytest.mark.django_db
def test_meetings_are_split_into_upcoming_and_past(reader_client, group):
    factories.WorkingGroupMeetingFactory(
        page=group, title="Réunion d'hier", starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    factories.WorkingGroupMeetingFactory(page=group, title="Réunion de demain")
    context = reader_client.get(group.url).context
    assert [m.title for m in context["upcoming_meetings"]] == ["Réunion de demain"]
    assert [m.title for m in context["past_meetings"]] == ["Réunion d'hier"]


# The edit link ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reader_does_not_see_the_edit_link(reader_client, group):
    assert EDIT_LINK not in page_text(reader_client.get(group.url))


@pytest.mark.django_db
def test_a_project_officer_sees_the_edit_link(officer_client, group):
    assert EDIT_LINK in page_text(officer_client.get(group.url))


@pytest.mark.django_db
def test_the_pilot_sees_the_edit_link_of_their_group_only(client, django_user_model, roles, group):
    account = django_user_model.objects.create_user(username="pilote", email="pilote@example.org", password="x")
    person = factories.PersonFactory(user=account)
    WorkingGroupMember.objects.create(page=group, person=person, role=WorkingGroupMember.Role.PILOT)
    sync_pilot_permissions(group)
    other = factories.WorkingGroupPageFactory(title="Autre groupe")
    client.force_login(account)
    assert EDIT_LINK in page_text(client.get(group.url))
    assert EDIT_LINK not in page_text(client.get(other.url))


# Query budgets ------------------------------------------------------------------------------------

# Right after the cache is emptied, the page's responsable line and review notice (governance) read the review
# periods, the page's stewardship and its default responsable (a group's pilots): a few queries more.
GOVERNED_COLD_BUDGET = 24


@pytest.mark.django_db
def test_group_page_query_budget_with_members(reader_client, group):
    metier = factories.MetierFactory(name="Infirmier en santé au travail")
    group.metiers.add(metier)
    group.tags.add("chimie")
    group.referent = factories.PersonFactory()
    group.save()

    def add_members(count):
        for number in range(count):
            role = WorkingGroupMember.Role.PILOT if number % 5 == 0 else WorkingGroupMember.Role.MEMBER
            factories.WorkingGroupMemberFactory(page=group, person=factories.PersonFactory(metier=metier), role=role)

    assert_query_budget(reader_client, group.url, add_members, cold_budget=GOVERNED_COLD_BUDGET)


@pytest.mark.django_db
def test_group_page_query_budget_with_meetings(reader_client, group):
    def add_meetings(count):
        for number in range(count):
            document = factories.make_document(f"cr-{number}.txt", b"CR", title=f"Compte rendu {number}")
            factories.WorkingGroupMeetingFactory(
                page=group, starts_at=timezone.now() - datetime.timedelta(days=number + 1), minutes_document=document
            )
            factories.WorkingGroupMeetingFactory(
                page=group, starts_at=timezone.now() + datetime.timedelta(days=number + 1)
            )

    assert_query_budget(reader_client, group.url, add_meetings, cold_budget=GOVERNED_COLD_BUDGET)


@pytest.mark.django_db
def test_group_page_query_budget_with_documents_and_pages(reader_client, group):
    def add_items(count):
        for number in range(count):
            document = factories.make_document(f"doc-{number}.txt", b"Doc", title=f"Document {number}")
            WorkingGroupDocument.objects.create(page=group, document=document)
            factories.MicroProjectPageFactory(parent=group, lead=factories.PersonFactory())
            factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED, suggested_group=group)
            factories.NewsPageFactory(working_group=group)
            factories.EventPageFactory(working_group=group)

    assert_query_budget(reader_client, group.url, add_items, cold_budget=GOVERNED_COLD_BUDGET)


@pytest.mark.django_db
def test_needs_sheet_page_query_budget(reader_client, home):
    sheet = factories.NeedsSheetPageFactory(submitted_by=factories.PersonFactory())
    sheet.tags.add("vaccination")
    sheet.save()
    group = factories.WorkingGroupPageFactory()

    def add_items(count):
        metiers = [factories.MetierFactory() for _ in range(count)]
        sheet.metiers.add(*metiers)
        for _ in range(count):
            factories.MicroProjectPageFactory(parent=group, needs_sheet=sheet)

    assert_query_budget(reader_client, sheet.url, add_items, cold_budget=GOVERNED_COLD_BUDGET)


@pytest.mark.django_db
def test_micro_project_page_query_budget(reader_client, group):
    micro = factories.MicroProjectPageFactory(
        parent=group, lead=factories.PersonFactory(), needs_sheet=factories.NeedsSheetPageFactory()
    )

    def add_metiers(count):
        micro.metiers.add(*[factories.MetierFactory() for _ in range(count)])

    assert_query_budget(reader_client, micro.url, add_metiers)


@pytest.mark.django_db
def test_service_project_page_query_budget(reader_client, sections):
    from projects.models import ServiceProjectResourcePerson

    page = sections["projects.ServiceProjectPage"]

    def add_people(count):
        for _ in range(count):
            ServiceProjectResourcePerson.objects.create(page=page, person=factories.PersonFactory(), role="Relais")

    assert_query_budget(reader_client, page.url, add_people)


@pytest.mark.django_db
def test_restricted_micro_project_of_a_sheet_is_hidden(reader_client, member_client, committee, group):
    sheet = factories.NeedsSheetPageFactory(title="Besoin d'origine")
    secret = factories.MicroProjectPageFactory(parent=group, title="Micro-projet réservé", needs_sheet=sheet)
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, sheet.url, "Micro-projet réservé")
