"""Roles that follow the identity provider, kept apart from roles granted in the portal."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import transaction

from ..models import IdentityProviderRole, User


def roles_for_groups(idp_groups: Iterable[str], mapping: dict[str, str], default_role: str | None) -> set[str]:
    """Portal role names granted by these IdP groups (matched exactly, then without regard to case)."""
    folded = {key.casefold(): role for key, role in mapping.items()}
    roles = {default_role} if default_role else set()
    for group in idp_groups:
        role = mapping.get(group) or folded.get(group.casefold())
        if role:
            roles.add(role)
    return roles


@transaction.atomic
def sync_identity_provider_roles(user: User, role_names: set[str]) -> None:
    """Give the user these roles, and take away the IdP-given roles not among them.

    Memberships an administrator granted in the portal are never recorded here, so never taken away.
    """
    wanted = {group.pk: group for group in Group.objects.filter(name__in=role_names)}
    synced = {record.group_id: record for record in IdentityProviderRole.objects.filter(user=user)}
    current = set(user.groups.values_list("pk", flat=True))

    for group_id, record in synced.items():
        if group_id not in wanted:
            user.groups.remove(group_id)
            record.delete()
    for group_id, group in wanted.items():
        if group_id in synced:
            # Given by the IdP before; an administrator may have taken it away since: the IdP decides.
            if group_id not in current:
                user.groups.add(group)
        elif group_id not in current:
            user.groups.add(group)
            IdentityProviderRole.objects.create(user=user, group=group)
        # Otherwise it was granted in the portal first, and stays a local role.
