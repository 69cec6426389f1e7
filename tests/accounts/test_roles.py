"""Roles are Wagtail groups: readers read, project officers publish everywhere and approve pilots' changes."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts.roles import (
    ADMINISTRATORS,
    PILOTS,
    PROJECT_OFFICERS,
    READERS,
    ROLE_NAMES,
    WORKFLOW_NAME,
    ensure_roles,
)
from tests.utils import page_text


def _snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group_permissions": {
            name: sorted(Group.objects.get(name=name).permissions.values_list("pk", flat=True)) for name in ROLE_NAMES
        },
        "page_permissions": sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")
        ),
        "workflows": Workflow.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "tasks": GroupApprovalTask.objects.count(),
    }


@pytest.mark.django_db
def test_ensure_roles_creates_the_four_roles(roles):
    assert set(roles) == set(ROLE_NAMES)
    assert {group.name for group in roles.values()} == {READERS, PILOTS, PROJECT_OFFICERS, ADMINISTRATORS}
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


@pytest.mark.django_db
def test_ensure_roles_is_idempotent(roles):
    before = _snapshot()
    ensure_roles()
    ensure_roles()
    assert _snapshot() == before


@pytest.mark.django_db
def test_ensure_roles_restores_a_removed_permission(roles):
    officers = roles[PROJECT_OFFICERS]
    GroupPagePermission.objects.filter(group=officers, permission__codename="publish_page").delete()
    ensure_roles()
    assert GroupPagePermission.objects.filter(
        group=officers, permission__codename="publish_page", page=Page.get_first_root_node()
    ).exists()


@pytest.mark.django_db
def test_approval_workflow_is_attached_to_the_root_with_project_officers(roles):
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == WORKFLOW_NAME
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks.all()]
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.all()) == [roles[PROJECT_OFFICERS]]


@pytest.mark.django_db
def test_every_page_falls_under_the_approval_workflow(roles, page_of_each_type):
    for label, page in page_of_each_type.items():
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME, label


# The accessibility statement commits the organisation: administrators alone change it (legal.permissions).
ADMINISTRATORS_ONLY = {"legal.AccessibilityStatementPage"}


@pytest.mark.django_db
def test_project_officer_can_edit_and_publish_every_page(project_officer, page_of_each_type):
    for label, page in page_of_each_type.items():
        permissions = page.permissions_for_user(project_officer)
        may = label not in ADMINISTRATORS_ONLY
        assert permissions.can_edit() is may, label
        assert permissions.can_publish() is may, label


@pytest.mark.django_db
def test_administrators_edit_and_publish_every_page(page_of_each_type, django_user_model, roles):
    from accounts.roles import ADMINISTRATORS

    administrator = django_user_model.objects.create_user(username="adm", email="adm@example.org", password="x")
    administrator.groups.add(roles[ADMINISTRATORS])
    for label, page in page_of_each_type.items():
        permissions = page.permissions_for_user(django_user_model.objects.get(pk=administrator.pk))
        assert permissions.can_edit(), label
        assert permissions.can_publish(), label


@pytest.mark.django_db
def test_reader_can_neither_edit_nor_publish(reader, page_of_each_type):
    for label, page in page_of_each_type.items():
        permissions = page.permissions_for_user(reader)
        assert not permissions.can_edit(), label
        assert not permissions.can_publish(), label


@pytest.mark.django_db
def test_reader_cannot_open_the_admin(reader_client):
    """Refused, a signed-in reader gets the portal's 403 page (not the sign-in form, nor a redirect loop)."""
    for path in ("/admin/", "/admin/pages/"):
        response = reader_client.get(path)
        assert response.status_code == 403, path
        assert "Accès refusé" in page_text(response)
        assert "Retour à l’accueil" in page_text(response)


@pytest.mark.django_db
def test_project_officer_opens_the_admin(officer_client):
    response = officer_client.get("/admin/")
    assert response.status_code == 200
