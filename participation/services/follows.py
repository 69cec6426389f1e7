"""Following and leaving groups, sections and tags; the groups one belongs to are followed by default."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from taggit.models import Tag
from wagtail.models import Page

from accounts.models import User
from base.querysets import tags_visible_to
from base.visibility import visible_pages
from projects.models import WorkingGroupPage

from ..models import Follow
from .follow_state import follow_choices, member_groups
from .targets import target_field


def is_following(user, target) -> bool:
    """Whether the account follows the target (a group it belongs to, unless it left it)."""
    if not user.is_authenticated:
        return False
    choices = follow_choices(user)
    key = ("tag", target.pk) if isinstance(target, Tag) else ("page", target.pk)
    choice = choices.get(key)
    if choice is not None:
        return choice
    return isinstance(target, WorkingGroupPage) and target.pk in member_groups(user)


def set_following(user: User, target: Page | Tag, following: bool) -> None:
    """Follow the target, or leave it: the one definition of both."""
    # A row with following=False is kept: for a group one belongs to, it overrides the default follow.
    Follow.objects.update_or_create(user=user, **target_field(target), defaults={"following": following})


def follow(user: User, target: Page | Tag) -> None:
    set_following(user, target, True)


def unfollow(user: User, target: Page | Tag) -> None:
    set_following(user, target, False)


@dataclass
class Subscriptions:
    """What "Mes abonnements" lists: (page, followed by default as a member) pairs, sections and tags."""

    groups: list[tuple[Page, bool]]
    sections: list[Page]
    tags: list[Tag]

    @property
    def empty(self) -> bool:
        return not (self.groups or self.sections or self.tags)

    @property
    def group_pages(self) -> list[Page]:
        """The working groups followed, members or not (their meetings have a personal address)."""
        return [group for group, _member in self.groups]


def subscriptions(request) -> Subscriptions:
    """The reader's follows, limited to what they may see."""
    user = request.user
    choices = list(Follow.objects.filter(user=user).values_list("page_id", "tag_id", "following"))
    followed_pages = {page_id for page_id, _tag, following in choices if page_id and following}
    left_pages = {page_id for page_id, _tag, following in choices if page_id and not following}
    tag_ids = [tag_id for _page, tag_id, following in choices if tag_id and following]
    member_groups = set(WorkingGroupPage.objects.of_user(user).exclude(pk__in=left_pages).values_list("pk", flat=True))
    pages = visible_pages(Page.objects.filter(pk__in=followed_pages | member_groups), request).specific()
    groups, sections = [], []
    for page in sorted(pages, key=lambda page: page.title.lower()):
        if isinstance(page, WorkingGroupPage):
            groups.append((page, page.pk in member_groups))
        else:
            sections.append(page)
    # A followed tag now carried only by pages the reader may not open is not named.
    tags = list(tags_visible_to(request).filter(pk__in=tag_ids).order_by("name")) if tag_ids else []
    return Subscriptions(groups=groups, sections=sections, tags=tags)


def group_followers(group_ids) -> set[int]:
    """Accounts following these working groups: explicitly, or as members who did not leave."""
    if not group_ids:
        return set()
    explicit = set(Follow.objects.active().filter(page_id__in=group_ids).values_list("user_id", flat=True))
    rows = WorkingGroupPage.objects.filter(pk__in=group_ids).values_list(
        "pk", "members__person__user", "referent__user"
    )
    left = set(Follow.objects.opted_out().filter(page_id__in=group_ids).values_list("user_id", "page_id"))
    members = {
        user_id
        for group_id, member, referent in rows
        for user_id in (member, referent)
        if user_id is not None and (user_id, group_id) not in left
    }
    return explicit | members


def page_and_tag_followers(page_ids, tag_ids) -> set[int]:
    condition = Q(page_id__in=page_ids) | Q(tag_id__in=tag_ids)
    return set(Follow.objects.active().filter(condition).values_list("user_id", flat=True))
