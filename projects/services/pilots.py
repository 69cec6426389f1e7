"""Pilots edit their own working group, and nothing else.

Each working group gets a Wagtail group holding "add" and "change" page permissions on the
group's page (so its subpages too, such as micro-projects); the accounts of the group's pilots
are its members. Publication stays with project officers through the approval workflow.
The Pilotes role (accounts.roles.PILOTS) is held by the accounts that pilot at least one published
group; a deleted group takes its Wagtail group with it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from accounts.roles import PILOTS

from ..models import WorkingGroupEditors, WorkingGroupMember, WorkingGroupPage

PILOT_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")


def _editors_group(page: WorkingGroupPage) -> Group:
    link = WorkingGroupEditors.objects.filter(page=page).select_related("group").first()
    name = f"Pilotes du groupe « {page.title[:100]} » (n°{page.pk})"
    if link is not None:
        if link.group.name != name:
            link.group.name = name
            link.group.save(update_fields=["name"])
        return link.group
    group, _ = Group.objects.get_or_create(name=name)
    WorkingGroupEditors.objects.create(page=page, group=group)
    return group


@transaction.atomic
def sync_pilot_permissions(page: WorkingGroupPage) -> Group:
    """Make the accounts of the page's current pilots, and only them, editors of the group."""
    group = _editors_group(page)
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PILOT_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

    pilot_users = {
        member.person.user
        for member in WorkingGroupMember.objects.filter(page=page, role=WorkingGroupMember.Role.PILOT).select_related(
            "person__user"
        )
        if member.person.user is not None
    }
    current = set(group.user_set.all())
    group.user_set.remove(*(current - pilot_users))
    group.user_set.add(*(pilot_users - current))
    pilots_role = Group.objects.filter(name=PILOTS).first()
    if pilots_role is not None:
        pilots_role.user_set.add(*pilot_users)
    release_pilots_role()
    return group


def release_pilots_role() -> None:
    """Take the Pilotes role back from the accounts that pilot no published working group any more."""
    pilots_role = Group.objects.filter(name=PILOTS).first()
    if pilots_role is None:
        return
    still_piloting = WorkingGroupMember.objects.filter(
        role=WorkingGroupMember.Role.PILOT, page__live=True, person__user__isnull=False
    ).values("person__user")
    pilots_role.user_set.remove(*pilots_role.user_set.exclude(pk__in=still_piloting))


def forget_editors_group(editors: WorkingGroupEditors) -> None:
    """Delete the Wagtail group of a working group that no longer exists."""
    Group.objects.filter(pk=editors.group_id).delete()
