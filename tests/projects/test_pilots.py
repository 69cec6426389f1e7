"""A pilot edits their own working group (changes go to approval) and nothing else."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from accounts.roles import PILOTS
from projects.models import WorkingGroupEditors, WorkingGroupMember, WorkingGroupPage
from tests import factories


def _fresh(user):
    """Reload the account: permission checks cache group memberships on the object."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def groups_with_pilot(home, pilot):
    """Two published groups; `pilot` pilots the first one."""
    person = factories.PersonFactory(user=pilot, first_name="Paul", last_name="Pilote")
    mine = factories.WorkingGroupPageFactory(title="Prévention des risques psychosociaux")
    other = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    WorkingGroupMember.objects.create(page=mine, person=person, role=WorkingGroupMember.Role.PILOT)
    mine.save_revision().publish()
    other.save_revision().publish()
    return mine, other


@pytest.mark.django_db
def test_publishing_a_group_lets_its_pilot_edit_it_but_not_publish(groups_with_pilot, pilot):
    mine, _other = groups_with_pilot
    permissions = mine.permissions_for_user(_fresh(pilot))
    assert permissions.can_edit()
    assert not permissions.can_publish()


@pytest.mark.django_db
def test_pilot_cannot_edit_another_group_or_section(groups_with_pilot, pilot, sections):
    _mine, other = groups_with_pilot
    assert not other.permissions_for_user(_fresh(pilot)).can_edit()
    for label, section in sections.items():
        assert not section.permissions_for_user(_fresh(pilot)).can_edit(), label


@pytest.mark.django_db
def test_pilot_can_edit_the_micro_projects_of_their_group(groups_with_pilot, pilot):
    mine, other = groups_with_pilot
    own_micro = factories.MicroProjectPageFactory(parent=mine)
    other_micro = factories.MicroProjectPageFactory(parent=other)
    assert own_micro.permissions_for_user(_fresh(pilot)).can_edit()
    assert not other_micro.permissions_for_user(_fresh(pilot)).can_edit()


@pytest.mark.django_db
def test_pilot_joins_the_pilots_role_and_opens_the_admin_edit_form_of_their_group_only(groups_with_pilot, pilot):
    mine, other = groups_with_pilot
    assert _fresh(pilot).groups.filter(name=PILOTS).exists()
    browser = Client()
    browser.force_login(pilot)
    assert browser.get(reverse("wagtailadmin_pages:edit", args=[mine.pk])).status_code == 200
    assert browser.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_a_plain_member_gets_no_edit_rights(home, django_user_model, roles):
    member_user = django_user_model.objects.create_user(username="membre", email="membre@example.org", password="x")
    group = factories.WorkingGroupPageFactory()
    factories.WorkingGroupMemberFactory(page=group, person=factories.PersonFactory(user=member_user))
    group.save_revision().publish()
    assert not group.permissions_for_user(_fresh(member_user)).can_edit()


@pytest.mark.django_db
def test_removing_the_pilot_and_republishing_removes_their_rights(groups_with_pilot, pilot):
    mine, _other = groups_with_pilot
    WorkingGroupMember.objects.filter(page=mine).delete()
    mine = WorkingGroupPage.objects.get(pk=mine.pk)
    mine.save_revision().publish()
    assert not mine.permissions_for_user(_fresh(pilot)).can_edit()
    assert not WorkingGroupEditors.objects.get(page=mine).group.user_set.filter(pk=pilot.pk).exists()


@pytest.mark.django_db
def test_demoting_the_pilot_to_member_removes_their_rights(groups_with_pilot, pilot):
    mine, _other = groups_with_pilot
    WorkingGroupMember.objects.filter(page=mine).update(role=WorkingGroupMember.Role.MEMBER)
    mine = WorkingGroupPage.objects.get(pk=mine.pk)
    mine.save_revision().publish()
    assert not mine.permissions_for_user(_fresh(pilot)).can_edit()


@pytest.mark.django_db
def test_republishing_twice_keeps_one_editors_group(groups_with_pilot):
    mine, _other = groups_with_pilot
    mine.save_revision().publish()
    mine.save_revision().publish()
    assert WorkingGroupEditors.objects.filter(page=mine).count() == 1


@pytest.mark.django_db
def test_a_pilot_without_an_account_is_fine(home):
    group = factories.WorkingGroupPageFactory()
    factories.WorkingGroupMemberFactory(page=group, role=WorkingGroupMember.Role.PILOT)
    group.save_revision().publish()
    assert WorkingGroupEditors.objects.get(page=group).group.user_set.count() == 0


@pytest.mark.django_db
def test_pilot_changes_wait_for_a_project_officer_before_going_live(groups_with_pilot, pilot, project_officer, reader):
    mine, _other = groups_with_pilot
    live_title = mine.title
    draft = WorkingGroupPage.objects.get(pk=mine.pk)
    draft.title = "Prévention des RPS : nouvelle fiche action"
    draft.save_revision(user=pilot)
    workflow_state = draft.get_workflow().start(draft, _fresh(pilot))
    task_state = workflow_state.current_task_state
    task = task_state.task.specific

    assert WorkingGroupPage.objects.get(pk=mine.pk).title == live_title
    assert [name for name, *_rest in task.get_actions(draft, _fresh(pilot))] == []
    assert [name for name, *_rest in task.get_actions(draft, _fresh(reader))] == []
    assert "approve" in [name for name, *_rest in task.get_actions(draft, _fresh(project_officer))]

    task_state.approve(user=project_officer)

    assert WorkingGroupPage.objects.get(pk=mine.pk).title == "Prévention des RPS : nouvelle fiche action"


@pytest.mark.django_db
def test_a_pilot_removed_from_their_only_group_loses_the_pilots_role(groups_with_pilot, pilot):
    mine, _other = groups_with_pilot
    WorkingGroupMember.objects.filter(page=mine).delete()
    WorkingGroupPage.objects.get(pk=mine.pk).save_revision().publish()
    assert not _fresh(pilot).groups.filter(name=PILOTS).exists()


@pytest.mark.django_db
def test_a_pilot_of_another_group_keeps_the_pilots_role(groups_with_pilot, pilot):
    mine, other = groups_with_pilot
    WorkingGroupMember.objects.create(page=other, person=pilot.person, role=WorkingGroupMember.Role.PILOT)
    WorkingGroupMember.objects.filter(page=mine).delete()
    WorkingGroupPage.objects.get(pk=mine.pk).save_revision().publish()
    assert _fresh(pilot).groups.filter(name=PILOTS).exists()


@pytest.mark.django_db
def test_unpublishing_the_group_takes_the_pilots_role_back(groups_with_pilot, pilot):
    mine, _other = groups_with_pilot
    WorkingGroupPage.objects.get(pk=mine.pk).unpublish()
    assert not _fresh(pilot).groups.filter(name=PILOTS).exists()


@pytest.mark.django_db
def test_deleting_a_group_deletes_its_editors_group_and_the_pilots_role(groups_with_pilot, pilot):
    mine, other = groups_with_pilot
    editors_group_id = WorkingGroupEditors.objects.get(page=mine).group_id
    other_editors_group_id = WorkingGroupEditors.objects.get(page=other).group_id
    WorkingGroupPage.objects.get(pk=mine.pk).delete()
    assert not Group.objects.filter(pk=editors_group_id).exists()
    assert Group.objects.filter(pk=other_editors_group_id).exists()
    assert not _fresh(pilot).groups.filter(name=PILOTS).exists()
