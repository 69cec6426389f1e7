"""The portal's roles, kept as Wagtail groups with their permissions.

Readers only read; pilots edit their own working group (see projects.services.pilots);
project officers edit and publish everything, approve pilots' changes and decide on needs sheets
(projects.manage_needs); administrators also manage accounts, roles and settings.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .role_names import ADMINISTRATORS, PILOTS, PROJECT_OFFICERS, READERS, ROLE_NAMES

__all__ = ["ADMINISTRATORS", "PILOTS", "PROJECT_OFFICERS", "READERS", "ROLE_NAMES", "ensure_roles"]

WORKFLOW_NAME = "Validation par un chargé de projet"
WORKFLOW_TASK_NAME = "Relecture et publication"

# Django permissions ("app_label.codename") on top of the page and collection permissions below.
PILOT_PERMISSIONS = ["wagtailadmin.access_admin"]
PROJECT_OFFICER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "people.add_person",
    "people.change_person",
    "people.delete_person",
    "people.add_metier",
    "people.change_metier",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    # Deciding on needs sheets and moderating their comments (projects.permissions).
    "projects.manage_needs",
    # Listing the personal subscription addresses and revoking one (personal_feeds.wagtail_hooks).
    "personal_feeds.view_feedtoken",
    "personal_feeds.delete_feedtoken",
    # Choosing pages' responsables (governance: « Gouvernance des contenus »).
    "governance.change_pagestewardship",
]
PROJECT_OFFICER_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
ADMINISTRATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
CONTRIBUTOR_COLLECTION_PERMISSIONS = {
    "wagtaildocs": ["add_document", "choose_document"],
    "wagtailimages": ["add_image", "choose_image"],
}
MANAGER_COLLECTION_PERMISSIONS = {
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
}


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return found


def _grant_collection_permissions(group: Group, spec: dict[str, list[str]]) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for codenames in spec.values():
        for permission in Permission.objects.filter(codename__in=codenames):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def _grant_page_permissions(group: Group, types: list[str]) -> None:
    root = Page.get_first_root_node()
    if root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=[f"{t}_page" for t in types]
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _ensure_workflow(approvers: Group) -> None:
    """Pilots' changes go to project officers for approval before publication."""
    root = Page.get_first_root_node()
    if root is None:
        return
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_TASK_NAME)
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.filter(task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def _retire_wagtail_default_groups() -> None:
    """Wagtail's initial "Moderators" and "Editors" groups overlap our roles; drop them while unused."""
    for name in ("Moderators", "Editors"):
        Group.objects.filter(name=name, user__isnull=True).delete()


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or update the role groups and their permissions. Safe to run repeatedly."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_NAMES}

    groups[PILOTS].permissions.add(*_permissions(PILOT_PERMISSIONS))
    _grant_collection_permissions(groups[PILOTS], CONTRIBUTOR_COLLECTION_PERMISSIONS)

    groups[PROJECT_OFFICERS].permissions.add(*_permissions(PROJECT_OFFICER_PERMISSIONS))
    _grant_collection_permissions(groups[PROJECT_OFFICERS], MANAGER_COLLECTION_PERMISSIONS)
    _grant_page_permissions(groups[PROJECT_OFFICERS], PROJECT_OFFICER_PAGE_PERMISSIONS)

    groups[ADMINISTRATORS].permissions.set(Permission.objects.all())
    _grant_collection_permissions(groups[ADMINISTRATORS], MANAGER_COLLECTION_PERMISSIONS)
    _grant_page_permissions(groups[ADMINISTRATORS], ADMINISTRATOR_PAGE_PERMISSIONS)

    _ensure_workflow(groups[PROJECT_OFFICERS])
    _retire_wagtail_default_groups()
    return groups


def ensure_roles_after_migrate(sender, using="default", verbosity=1, **kwargs):
    """post_migrate: permissions of every app must exist before they can be granted."""
    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    ensure_roles()
