"""What readers share, cached under the content version kept in the database, and what bumps that version.

Pages are the same for every signed-in reader but for small personal parts (the bell, "mes groupes",
follow buttons, forms). The shared parts (navigation, rendered page bodies, listings, home news and key
figures) are kept in the cache map's SHARED_PARTS (base.caches; the values every page needs, such as routes,
restrictions and the pages refused to an account, are `versioned` there) under a key made of:

- the content version (base.content_version): a database row bumped in the same transaction as any change
  that shows in a page, read once per request before any content. The cache never decides anything: an
  entry is found only under the version of the content it was computed from, whatever the cache did
  meanwhile (down, stalled, restarted from an older snapshot, full, one memory per process). A lost
  invalidation costs a miss, never an older page or a page restricted since.
- the reader's visibility class: the restrictions the reader does not pass (base.visibility). Two readers
  share an entry only if they are refused exactly the same pages and collections.
- what else the piece depends on (the page, the métier, a listing's normalised filters…).

What depends on the clock ("à venir") is also kept a short time only (base.caches.TIME_DEPENDENT_SECONDS). Nothing is
kept for a reader without a session, a preview, a piece whose arguments are too long, or a piece whose
arguments say it may not be stored (a listing asked for with refused filters).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .caches import SHARED_PARTS, SHARED_SECONDS, CacheVary, digest, vary_parts
from .content_version import bump_content_version, content_version
from .memo import request_memo
from .visibility import hidden_paths

# Markers of a response part that belongs to one request only: never stored.
_PER_REQUEST_MARKERS = ("csrfmiddlewaretoken", " nonce=")


def visibility_class(request) -> str:
    """What the shared pieces seen by this reader depend on: the pages and collections refused to them."""

    def compute() -> str:
        refused = repr((hidden_paths(request, "page"), hidden_paths(request, "collection")))
        return hashlib.sha256(refused.encode()).hexdigest()[:32]

    return request_memo(request, "visibility_class", compute)


def _is_shareable_reader(request) -> bool:
    user = getattr(request, "user", None)
    # A preview renders a draft under the live page's key: it must never be stored nor served a stored copy.
    if getattr(request, "is_preview", False):
        return False
    return bool(user is not None and user.is_authenticated and hasattr(request, "session"))


def shared(
    request,
    name: str,
    compute: Callable[[], Any],
    *vary: Any,
    timeout: int | None = None,
    storable: Callable[[Any], bool] = lambda value: True,
) -> Any:
    """The value computed once for every reader of this visibility class (and `vary`), from the cache; a
    value that is not `storable`, or whose `vary` arguments refuse it (CacheVary), is returned but not kept.

    Readers without a session (accounts in e-mails) and anonymous visitors always compute their own.
    """
    parts = vary_parts(vary)
    if not _is_shareable_reader(request) or parts is None:
        return compute()
    version = content_version()
    if version is None:
        return compute()
    host = request.get_host() if hasattr(request, "get_host") else ""
    key = SHARED_PARTS.key(name, digest([name, str(version), visibility_class(request), host, *parts]))

    def keep(value) -> bool:
        return storable(value) and all(item.may_store() for item in vary if isinstance(item, CacheVary))

    return _through_cache(key, name, compute, SHARED_SECONDS if timeout is None else timeout, keep)


def _through_cache(key: str, name: str, compute, timeout: int, storable) -> Any:
    """The shared piece `name` stored under `key`, or compute() kept there when `storable`."""
    return SHARED_PARTS.fetch(key, compute, timeout=timeout, storable=storable)


def is_per_request(html: str) -> bool:
    """Whether rendered HTML carries something of this request only (a CSRF token, a CSP nonce)."""
    return any(marker in html for marker in _PER_REQUEST_MARKERS)


def shared_fragment(request, name: str, render: Callable[[], str], *vary: Any, timeout: int | None = None) -> str:
    """Rendered HTML shared by the readers of this visibility class; a fragment holding a form token or a
    nonce is served but never stored."""
    return shared(request, name, render, *vary, timeout=timeout, storable=lambda html: not is_per_request(html))


# What pages show, besides pages themselves: their documents and images (and collections' privacy), the
# people and métiers named on them, the sites; and what apps add (shows_in_pages).
_CONTENT_MODELS = {
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Collection",
    "wagtailcore.Site",
    # Deleting a group drops its memberships and restriction links without any m2m signal.
    "auth.Group",
    "people.Person",
    "people.Metier",
    "taggit.Tag",
}


def shows_in_pages(*labels: str) -> None:
    """Declare models ("app_label.ModelName") whose changes show in pages: saving or deleting one bumps the
    content version. Called by apps from their `ready()`."""
    _CONTENT_MODELS.update(labels)


# A page saved with only these fields changed a draft's bookkeeping (a new revision, an autosave, a lock):
# nothing readers see.
_DRAFT_BOOKKEEPING_FIELDS = frozenset(
    {
        "comments",
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _bump_on_model_change(sender, instance, **kwargs):
    # Fixtures, and migrations' historical models (their tables, the version's included, may not exist yet).
    if kwargs.get("raw") or sender.__module__ == "__fake__":
        return
    if isinstance(instance, Page):
        update_fields = kwargs.get("update_fields")
        if update_fields and _DRAFT_BOOKKEEPING_FIELDS.issuperset(update_fields):
            return
        bump_content_version()
    elif sender._meta.label in _CONTENT_MODELS or _is_media(sender):
        bump_content_version()


def _is_media(model) -> bool:
    return issubclass(model, get_document_model() | get_image_model())


def _bump_on_membership_change(sender, action, pk_set=None, **kwargs):
    # Django sends post_add even when every object was already there (an unchanged sign-in's roles): no change.
    if action == "post_clear" or (action in ("post_add", "post_remove") and pk_set):
        bump_content_version()


def connect() -> None:
    """Bump the version on every change that shows in a page (called once, when the app is ready)."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"portal-content-version-{id(signal)}")
    post_save.connect(_bump_on_model_change, dispatch_uid="portal-content-version-save")
    post_delete.connect(_bump_on_model_change, dispatch_uid="portal-content-version-delete")
    # Who belongs to which group decides who passes a restriction; which groups a restriction admits, too.
    for through in (
        get_user_model().groups.through,
        PageViewRestriction.groups.through,
        CollectionViewRestriction.groups.through,
    ):
        m2m_changed.connect(_bump_on_membership_change, sender=through, dispatch_uid=f"portal-cv-{through._meta.label}")
