"""Who hears of a published page: followers of its group, its section and its tags, and its métiers' staff."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.models import Page

from base.models import SectionIndexPage
from base.visibility import can_view_page
from news.models import NewsPage
from people.models import Person
from projects.models import WorkingGroupPage

from .follows import group_followers, page_and_tag_followers


def _working_groups(page: Page) -> list[int]:
    """The working group the page is in (itself or an ancestor), and the one it is about (news.working_group)."""
    ids = list(WorkingGroupPage.objects.ancestor_of(page, inclusive=True).values_list("pk", flat=True))
    linked = getattr(page, "working_group_id", None)
    if isinstance(linked, int):
        ids.append(linked)
    return ids


def _sections(page: Page) -> list[int]:
    ancestors = Page.objects.ancestor_of(page, inclusive=True).specific()
    return [ancestor.pk for ancestor in ancestors if isinstance(ancestor, SectionIndexPage)]


def _tags(page: Page) -> list[int]:
    tags = getattr(page, "tags", None)
    return list(tags.values_list("pk", flat=True)) if tags is not None else []


def _audience(page: Page) -> set[int]:
    """For a news item meant for some métiers, the staff of those métiers ("pour mon métier")."""
    if not isinstance(page, NewsPage):
        return set()
    metiers = list(page.metiers.values_list("pk", flat=True))
    if not metiers:
        # A news item for everyone is not sent to everyone: the followers of its section hear of it.
        return set()
    return set(Person.objects.filter(metier__in=metiers, user__isnull=False).values_list("user_id", flat=True))


def publication_recipients(page: Page, author_id: int | None) -> list:
    """The active accounts to tell about this live page, each once, without its author and without anyone
    who may not open it (base.visibility, read for each account afresh)."""
    if not page.live:
        return []
    ids = group_followers(_working_groups(page)) | page_and_tag_followers(_sections(page), _tags(page))
    ids |= _audience(page)
    ids.discard(author_id)
    users = get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk")
    return [user for user in users if can_view_page(page, user)]
