"""A reader's follow choices and member groups, kept in the cache: the buttons of a page cost no query.

Saving a follow forgets its reader's choices; a change of membership (a member, a referent, a person's
account) forgets that person's groups. Entries also expire after STATE_TTL (an account unlinked from a
person is seen within that time).
"""

from __future__ import annotations

from django.core.cache import cache

from projects.models import WorkingGroupPage

from ..models import Follow

STATE_TTL = 300


def _choices_key(user_id) -> str:
    return f"participation:follow-choices:{user_id}"


def _groups_key(user_id) -> str:
    return f"participation:member-groups:{user_id}"


def follow_choices(user) -> dict:
    """{("page"|"tag", id): following} of the account."""
    choices = cache.get(_choices_key(user.pk))
    if choices is None:
        rows = Follow.objects.filter(user=user).values_list("page_id", "tag_id", "following")
        choices = {("page", page) if page else ("tag", tag): following for page, tag, following in rows}
        cache.set(_choices_key(user.pk), choices, STATE_TTL)
    return choices


def member_groups(user) -> frozenset:
    """Ids of the groups in which the account is pilot, member or referent (the projects' definition)."""
    groups = cache.get(_groups_key(user.pk))
    if groups is None:
        groups = frozenset(WorkingGroupPage.objects.of_user(user).values_list("pk", flat=True))
        cache.set(_groups_key(user.pk), groups, STATE_TTL)
    return groups


def forget_follow_choices(user_id) -> None:
    cache.delete(_choices_key(user_id))


def forget_member_groups(user_id) -> None:
    if user_id is not None:
        cache.delete(_groups_key(user_id))
