"""Keep an account and its directory entry in step with the identity provider, at every sign-in."""

import logging

from django.conf import settings
from django.db import transaction

from people.services import find_or_create_metier, person_for_user

from ..models import User
from .roles import roles_for_groups, sync_identity_provider_roles

logger = logging.getLogger("portal.sso")


@transaction.atomic
def apply_identity(user: User, claims: dict) -> None:
    """Names and e-mail on the account; métier and site on the directory entry; roles from the groups."""
    changed = []
    for field in ("first_name", "last_name", "email"):
        value = claims.get(field)
        if value and getattr(user, field) != value:
            if field == "email" and User.objects.filter(email__iexact=value).exclude(pk=user.pk).exists():
                # Another account holds that address: keep this one's rather than fail the sign-in.
                logger.warning("SSO: e-mail %s already belongs to another account; not copied to %s", value, user.pk)
                continue
            setattr(user, field, value)
            changed.append(field)
    if changed:
        user.save(update_fields=changed)

    person = person_for_user(user)
    person_changes = {
        "first_name": claims.get("first_name") or person.first_name,
        "last_name": claims.get("last_name") or person.last_name,
        "email": user.email,
    }
    if claims.get("site"):
        person_changes["site"] = claims["site"]
    if claims.get("metier"):
        person_changes["metier"] = find_or_create_metier(claims["metier"])
    # Saved only when something changed: a person's save changes the content version, and a sign-in with
    # the same claims as before must not make every cached page part stale.
    changed_fields = [field for field, value in person_changes.items() if getattr(person, field) != value]
    for field in changed_fields:
        setattr(person, field, person_changes[field])
    if changed_fields:
        person.save()

    config = settings.PORTAL_SSO
    sync_identity_provider_roles(
        user, roles_for_groups(claims.get("groups", []), config["ROLES"], config["DEFAULT_ROLE"])
    )
