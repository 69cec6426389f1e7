"""A reader's follow choices and member groups, read in one query and kept in the cache: the buttons of a page
cost no query.

Saving a follow forgets its reader's state; a change of membership (a member, a referent, a person's account)
forgets that person's state. Entries also expire after STATE_TTL (an account unlinked from a person is seen
within that time). Neither decides what the reader may see: a button only says whether they follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import BooleanField, IntegerField, Value
from django.db.models.functions import Cast

from projects.models import WorkingGroupPage

from ..models import Follow

STATE_TTL = 300


@dataclass(frozen=True)
class FollowState:
    # {("page"|"tag", id): following}
    choices: dict
    # Ids of the groups in which the account is pilot, member or referent (the projects' definition).
    member_groups: frozenset


def _key(user_id) -> str:
    return f"participation:follow-state:{user_id}"


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
    state = cache.get(_key(user.pk))
    if state is None:
        state = _read(user)
        cache.set(_key(user.pk), state, STATE_TTL)
    return state


def follow_choices(user) -> dict:
    """{("page"|"tag", id): following} of the account."""
    return follow_state(user).choices


def member_groups(user) -> frozenset:
    """Ids of the groups in which the account is pilot, member or referent (the projects' definition)."""
    return follow_state(user).member_groups


def forget_follow_choices(user_id) -> None:
    cache.delete(_key(user_id))


def forget_member_groups(user_id) -> None:
    if user_id is not None:
        cache.delete(_key(user_id))
