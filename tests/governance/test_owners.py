"""The responsable of a page: chosen, else the default of its type, else the fallback chain when they leave."""

import pytest

from governance.services.owners import owner_of, resolve_owners
from governance.services.reviews import set_owner
from projects.models import WorkingGroupMember
from tests.factories import (
    ApproachPageFactory,
    MicroProjectPageFactory,
    NeedsSheetPageFactory,
    NewsPageFactory,
    PersonFactory,
    WorkingGroupMemberFactory,
    WorkingGroupPageFactory,
)

pytestmark = pytest.mark.django_db


def test_a_working_group_is_owned_by_its_pilot(sections, pilot, person_of):
    group = WorkingGroupPageFactory()
    WorkingGroupMemberFactory(page=group, person=PersonFactory(), role=WorkingGroupMember.Role.MEMBER)
    WorkingGroupMemberFactory(page=group, person=person_of(pilot), role=WorkingGroupMember.Role.PILOT)
    owner = owner_of(group)
    assert owner.person == person_of(pilot) and owner.source == "default"


def test_news_is_owned_by_its_author_and_an_approach_by_its_creator(sections, reader, project_officer, person_of):
    officer = person_of(project_officer)
    news = NewsPageFactory(author=person_of(reader))
    approach = ApproachPageFactory(owner=project_officer)
    assert owner_of(approach).person == officer
    assert owner_of(news).person == person_of(reader)
    assert owner_of(approach).person == person_of(project_officer)


def test_a_needs_sheet_is_owned_by_the_project_officers(sections, reader, person_of):
    assert owner_of(NeedsSheetPageFactory(owner=reader)).is_officers


def test_a_chosen_owner_comes_first(sections, reader, project_officer, person_of):
    news = NewsPageFactory(author=person_of(reader))
    set_owner(news, person_of(project_officer))
    assert owner_of(news).person == person_of(project_officer)
    assert owner_of(news).source == "chosen"


def test_when_the_owner_leaves_the_chain_goes_to_the_groups_pilot_then_the_officers(sections, reader, pilot, person_of):
    group = WorkingGroupPageFactory()
    WorkingGroupMemberFactory(page=group, person=person_of(pilot), role=WorkingGroupMember.Role.PILOT)
    micro = MicroProjectPageFactory(parent=group)
    set_owner(micro, person_of(reader))
    assert owner_of(micro).person == person_of(reader)

    reader.is_active = False
    reader.save()
    assert owner_of(micro).person == person_of(pilot)
    assert owner_of(micro).source == "pilot"

    pilot.is_active = False
    pilot.save()
    assert owner_of(micro).is_officers


def test_a_person_without_account_is_no_owner(sections):
    news = NewsPageFactory(author=PersonFactory())
    assert owner_of(news).is_officers


def test_owners_of_many_pages_cost_the_same_queries(sections, reader, person_of, django_assert_max_num_queries):
    pages = [NewsPageFactory(author=person_of(reader)) for _ in range(5)]
    with django_assert_max_num_queries(6):
        resolve_owners(pages)
    pages += [NewsPageFactory(author=person_of(reader)) for _ in range(25)]
    with django_assert_max_num_queries(6):
        owners = resolve_owners(pages)
    assert {owner.person for owner in owners.values()} == {person_of(reader)}
