"""What a reader may see: the one rule every listing, count, feed, calendar, search and e-mail applies.

A page is visible when it is live and no view restriction on it or on one of its ancestors refuses the
reader (groups, sign-in, shared password). A document or image is visible when no restriction on its
collection or an ancestor collection refuses the reader. Wagtail itself applies the same restrictions
when a page or a document is served; this module applies them to querysets, in SQL.

The reader is a request (the password restrictions passed in its session count) or an account (e-mails,
personal feeds: no password restriction is passed). The restrictions the reader fails are read once, in
one query, and remembered on the request or the account; each queryset then excludes their subtrees. For a
signed-in account they are also kept in the cache under the content version (base.content_version), so a
restriction or a membership changed in the database applies on the next request, whatever the cache holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, Q, QuerySet, Value
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, PageViewRestriction

from .caches import versioned
from .memo import request_memo


def _user_and_session(reader):
    """(user, session) of a request, or (account, None) of an account."""
    if hasattr(reader, "session") or hasattr(reader, "META"):
        return getattr(reader, "user", None) or AnonymousUser(), getattr(reader, "session", None)
    return reader or AnonymousUser(), None


def _failed_restrictions(restrictions: QuerySet, user, session) -> QuerySet:
    """The restrictions (of one model) that this user, with this session, does not pass."""
    passed_passwords = session.get(restrictions.model.passed_view_restrictions_session_key, []) if session else []
    failing = Q(restriction_type=BaseViewRestriction.PASSWORD) & ~Q(pk__in=list(passed_passwords))
    if not user.is_authenticated:
        failing |= Q(restriction_type__in=[BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS])
    elif not user.is_superuser:
        passed_groups = restrictions.model.objects.filter(groups__user=user).values("pk")
        failing |= Q(restriction_type=BaseViewRestriction.GROUPS) & ~Q(pk__in=passed_groups)
    return restrictions.filter(failing)


def hidden_paths(reader, kind: str) -> tuple[str, ...]:
    """Tree paths of the pages ("page") or collections ("collection") whose subtree the reader may not see.

    Both kinds are read together in one query, remembered on the request (or account) for the rest of its life.
    """
    user, session = _user_and_session(reader)

    def compute() -> dict[str, tuple[str, ...]]:
        return _shared_hidden_paths(user, session) if user.is_authenticated else _read_hidden_paths(user, session)

    return request_memo(reader if reader is not None else user, "hidden_paths", compute)[kind]


def _shared_hidden_paths(user, session) -> dict[str, tuple[str, ...]]:
    """An account's hidden paths, from the cache under the content version: they change only with
    restrictions, groups and memberships, which all bump it in their own transaction (base.content_version)."""
    passwords = tuple(
        tuple(sorted(session.get(model.passed_view_restrictions_session_key, []))) if session else ()
        for model in (PageViewRestriction, CollectionViewRestriction)
    )
    compute = lambda: _read_hidden_paths(user, session)  # noqa: E731
    return versioned("hidden-paths", compute, user.pk, user.is_superuser, passwords)


def _read_hidden_paths(user, session) -> dict[str, tuple[str, ...]]:
    """The paths of the pages and collections whose restrictions this user fails, in one query."""
    pages = _failed_restrictions(PageViewRestriction.objects.all(), user, session)
    collections = _failed_restrictions(CollectionViewRestriction.objects.all(), user, session)
    rows = (
        pages.annotate(kind=Value("page", output_field=CharField()))
        .values_list("kind", "page__path")
        .union(
            collections.annotate(kind=Value("collection", output_field=CharField())).values_list(
                "kind", "collection__path"
            ),
            all=True,
        )
    )
    found = {"page": set(), "collection": set()}
    for row_kind, path in rows:
        found[row_kind].add(path)
    return {key: tuple(sorted(paths)) for key, paths in found.items()}


def _outside(paths: Iterable[str], field: str) -> Q | None:
    conditions = [Q(**{f"{field}__startswith": path}) for path in paths]
    return ~reduce(or_, conditions) if conditions else None


def visible_pages(pages: QuerySet, reader) -> QuerySet:
    """Live pages of the queryset that the reader may open."""
    pages = pages.filter(live=True)
    condition = _outside(hidden_paths(reader, "page"), "path")
    return pages.filter(condition) if condition is not None else pages


def visible_in_collections(items: QuerySet, reader) -> QuerySet:
    """Documents or images (anything with a collection) the reader may open."""
    condition = _outside(hidden_paths(reader, "collection"), "collection__path")
    return items.filter(condition) if condition is not None else items


def can_view_page(page, reader) -> bool:
    """Whether the reader may open this page (no query beyond the reader's restrictions)."""
    return page.live and not any(page.path.startswith(path) for path in hidden_paths(reader, "page"))


def can_view_in_collection(item, reader) -> bool:
    """Whether the reader may open this document or image."""
    path = item.collection.path
    return not any(path.startswith(hidden) for hidden in hidden_paths(reader, "collection"))


def only_visible(items, reader) -> list:
    """The items of a list (pages, documents or images, as chosen in a block) the reader may open.

    For documents and images, their collections' paths are read in one query, and only when some
    collection is hidden from the reader.
    """
    items = [item for item in items or [] if item is not None]
    hidden_collections = hidden_paths(reader, "collection") if any(hasattr(i, "collection_id") for i in items) else ()
    refused = set()
    if hidden_collections:
        ids = {item.collection_id for item in items if hasattr(item, "collection_id")}
        paths = dict(Collection.objects.filter(pk__in=ids).values_list("pk", "path"))
        refused = {pk for pk, path in paths.items() if any(path.startswith(h) for h in hidden_collections)}
    return [
        item
        for item in items
        if (item.collection_id not in refused if hasattr(item, "collection_id") else can_view_page(item, reader))
    ]


class VisibleToQuerySetMixin:
    """`.visible_to(request_or_user)` for any queryset of pages or of collection members."""

    def visible_to(self, reader):
        if hasattr(self.model, "path") and hasattr(self.model, "live"):
            return visible_pages(self, reader)
        return visible_in_collections(self, reader)
