"""What a contributor finds in the administration's lists (choosers, searches, reports, the admin API).

The pages they may open (base.visibility: live, no restriction refusing them) and the pages they may edit
(their own group's, drafts included); the documents and images whose collection does not refuse them, those
of the collections they may edit and their own uploads. Wagtail lets a pilot choose among every page,
document and image; with these filters, the administration names nothing the portal would hide from them.
Who may edit the whole site (project officers, administrators) lists everything.

The conditions use only fields that the search backends can filter on (a page's path, live, owner; an item's
collection and uploader), so that they also apply to the administration's searches.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Collection, Page
from wagtail.permissions import policy_registry

from .visibility import hidden_paths


def listed_pages_condition(request, prefix: str = "") -> Q | None:
    """The pages this request's user lists in the administration, as a condition on pages (on `prefix`
    + field, for a relation to pages); None when they list every page."""
    user = request.user
    if not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return None
    edited, owned = [], []
    for permission in policy_registry.get_by_type(Page).get_cached_permissions_for_user(user):
        codename = permission.permission.codename
        if codename == "change_page":
            edited.append(permission.page.path)
        elif codename == "add_page":
            owned.append(permission.page.path)
    if any(len(path) <= Page.steplen for path in edited):
        return None  # granted on the tree's root: they may edit every page
    condition = Q(**{f"{prefix}live": True})
    for path in hidden_paths(request, "page"):
        condition &= ~Q(**{f"{prefix}path__startswith": path})
    for path in edited:
        condition |= Q(**{f"{prefix}path__startswith": path})
    for path in owned:
        # Wagtail lets whoever may add pages under a page edit the ones they own.
        condition |= Q(**{f"{prefix}path__startswith": path, f"{prefix}owner": user})
    return condition


def listed_pages(pages, request):
    """The pages of the queryset that this request's user lists in the administration."""
    condition = listed_pages_condition(request)
    return pages if condition is None else pages.filter(condition)


def listed_media(items, request):
    """The documents or images of the queryset that this request's user lists in the administration."""
    user = request.user
    hidden = hidden_paths(request, "collection")
    if user.is_superuser or not hidden:
        return items
    refused = reduce(or_, (Q(path__startswith=path) for path in hidden))
    # Ids: search backends filter on an item's collection and id, not on a collection's path.
    open_collections = list(Collection.objects.exclude(refused).values_list("pk", flat=True))
    # Those of the collections they may edit, and their own uploads (Wagtail lets their uploader edit them).
    edited = policy_registry.get_by_type(items.model).instances_user_has_permission_for(user, "change")
    return items.filter(Q(collection__in=open_collections) | Q(pk__in=edited.values("pk")))
