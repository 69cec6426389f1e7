"""Roles follow the identity provider; roles granted in the portal stay."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import ADMINISTRATORS, PILOTS, PROJECT_OFFICERS, READERS
from accounts.sso.roles import roles_for_groups, sync_identity_provider_roles

MAPPING = {"GG-Intranet-Pilotes": PILOTS, "GG-Intranet-Admins": ADMINISTRATORS}


def test_idp_groups_map_to_roles_with_readers_by_default():
    assert roles_for_groups(["gg-intranet-pilotes", "Compta"], MAPPING, READERS) == {READERS, PILOTS}
    assert roles_for_groups([], MAPPING, READERS) == {READERS}
    assert roles_for_groups(["GG-Intranet-Admins"], MAPPING, None) == {ADMINISTRATORS}


def _names(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_sync_adds_and_removes_only_what_the_idp_gave(reader, roles):
    # The reader fixture holds "Lecteurs" granted in the portal; an administrator also made them project officer.
    reader.groups.add(roles[PROJECT_OFFICERS])

    sync_identity_provider_roles(reader, {READERS, PILOTS})
    assert _names(reader) == {READERS, PILOTS, PROJECT_OFFICERS}

    sync_identity_provider_roles(reader, {READERS})
    assert _names(reader) == {READERS, PROJECT_OFFICERS}, "the IdP took Pilotes back; local roles stay"

    sync_identity_provider_roles(reader, set())
    assert _names(reader) == {READERS, PROJECT_OFFICERS}, "Lecteurs was granted locally, not by the IdP"


@pytest.mark.django_db
def test_sync_ignores_unknown_group_names(reader, roles):
    sync_identity_provider_roles(reader, {"N'existe pas"})
    assert not Group.objects.filter(name="N'existe pas").exists()


@pytest.mark.django_db
def test_a_role_the_idp_still_gives_comes_back_at_the_next_sign_in(reader, roles):
    sync_identity_provider_roles(reader, {READERS, PILOTS})
    reader.groups.remove(roles[PILOTS])  # an administrator took it away in the portal

    sync_identity_provider_roles(reader, {READERS, PILOTS})

    assert _names(reader) == {READERS, PILOTS}
