"""A reader's follow choices and member groups, read in one query and kept in the cache: the buttons of a page
cost no query.

The key carries the content version (base.caches.FOLLOW_STATE): memberships, saved with their group, never outlive
it. Saving a follow, a member, a referent or a person's account also forgets that person's state; a forget lost
with the cache costs a button out of date for STATE_TTL at most. Nothing here decides what the reader may see:
a button only says whether they follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, IntegerField, Value
from django.db.models.functions import Cast

from base.caches import FOLLOW_STATE
from projects.models import WorkingGroupPage

from ..models import Follow

STATE_TTL = FOLLOW_STATE.seconds


@dataclass(frozen=True)
class FollowState:
    # {("page"|"tag", id): following}
    choices: dict
    # Ids of the groups in which the account is pilot, member or referent (the projects' definition).
    member_groups: frozenset


def _read(user) -> FollowState:
    # One query: the account's follow rows, then its groups (with no choice of their own: `following` null).
    follows = Follow.objects.filter(user=user).order_by().values_list("page_id", "tag_id", "following")
    groups = (
        WorkingGroupPage.objects.of_user(user)
        .order_by()
        .values_list("pk", Cast(Value(None), IntegerField()), Cast(Value(None), BooleanField()))
    )
    choices, member_groups = {}, set()
    for page, tag, following in follows.union(groups, all=True):
        if following is None:
            member_groups.add(page)
        else:
            choices[("page", page) if page else ("tag", tag)] = following
    return FollowState(choices, frozenset(member_groups))


def follow_state(user) -> FollowState:
    return FOLLOW_STATE.get_or_set(lambda: _read(user), user.pk)


def follow_choices(user) -> dict:
    """{("page"|"tag", id): following} of the account."""
    return follow_state(user).choices


def member_groups(user) -> frozenset:
    """Ids of the groups in which the account is pilot, member or referent (the projects' definition)."""
    return follow_state(user).member_groups


def forget_follow_state(user_id) -> None:
    """After a change of the account's follows or memberships (nothing to do without an account)."""
    if user_id is not None:
        FOLLOW_STATE.delete(user_id)
