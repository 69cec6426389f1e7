"""What readers share, cached under the content version kept in the database.

Pages are the same for every signed-in reader but for small personal parts (the bell, "mes groupes",
follow buttons, forms). The shared parts (navigation, rendered page bodies, listings, home news and key
figures) and the values every page needs (routes, restrictions, the pages refused to an account) are cached
under a key made of:

- the content version (base.content_version): a database row bumped in the same transaction as any change
  that shows in a page, read once per request before any content. The cache never decides anything: an
  entry is found only under the version of the content it was computed from, whatever the cache did
  meanwhile (down, stalled, restarted from an older snapshot, full, one memory per process). A lost
  invalidation costs a miss, never an older page or a page restricted since.
- the reader's visibility class: the restrictions the reader does not pass (base.visibility). Two readers
  share an entry only if they are refused exactly the same pages and collections.
- what else the piece depends on (the page, the métier, a listing's normalised filters…).

What depends on the clock ("à venir") is also kept a short time only (TIME_DEPENDENT_SECONDS). Nothing is
kept for a reader without a session, a preview, a piece whose arguments are too long, or a piece whose
arguments say it may not be stored (a listing asked for with refused filters).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .content_version import bump_content_version, read_content_version
from .visibility import hidden_paths

logger = logging.getLogger(__name__)

# Entries under an older version are never read again; they only need to outlive their usefulness.
SHARED_SECONDS = getattr(settings, "PORTAL_SHARED_CACHE_SECONDS", None) or 60 * 60 * 6
TIME_DEPENDENT_SECONDS = getattr(settings, "PORTAL_TIME_DEPENDENT_CACHE_SECONDS", 60)
_REQUEST_CLASS = "_portal_visibility_class"
# Markers of a response part that belongs to one request only: never stored.
_PER_REQUEST_MARKERS = ("csrfmiddlewaretoken", " nonce=")
# A piece varying on more than this is computed but never looked up nor kept: hostile arguments cannot
# fill the cache with large, unique keys.
MAX_VARY_CHARS = 512


@runtime_checkable
class CacheVary(Protocol):
    """An argument of a shared piece that says how it reads in the key and, once the piece is computed,
    whether it may be kept (a listing: only its accepted, valid parameters, base.services.listing)."""

    def cache_part(self) -> str: ...

    def may_store(self) -> bool: ...


@dataclass
class _RequestVersion:
    """The content version of the request being served, once read."""

    request: Any
    read: bool = False
    value: int | None = None


_current: ContextVar[_RequestVersion | None] = ContextVar("portal_content_version", default=None)


class ContentVersionMiddleware:
    """Read the content version at most once per request, when a cached piece first needs it; each thread
    (or task) serving a request has its own. A signed-in request reads it with its session (base.sessions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(_RequestVersion(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def remember_content_version(value: int | None) -> None:
    """The version of the request being served, read along with something else (its session)."""
    state = _current.get()
    if state is not None and not state.read:
        state.read, state.value = True, value


def content_version() -> int | None:
    """The content version, read from the database once per request (one request renders one version);
    None when there is none, and then nothing is cached. Outside a request, read at each call."""
    state = _current.get()
    if state is None:
        return read_content_version()
    if not state.read:
        # Loading the request's session reads the version too (base.sessions): one query for both.
        session = getattr(state.request, "session", None)
        if hasattr(session, "load_with_content_version"):
            session.load_with_content_version()
    if not state.read:
        remember_content_version(read_content_version())
    return state.value


def visibility_class(request) -> str:
    """What the shared pieces seen by this reader depend on: the pages and collections refused to them."""
    if hasattr(request, _REQUEST_CLASS):
        return getattr(request, _REQUEST_CLASS)
    refused = repr((hidden_paths(request, "page"), hidden_paths(request, "collection")))
    value = hashlib.sha256(refused.encode()).hexdigest()[:32]
    setattr(request, _REQUEST_CLASS, value)
    return value


def _part(value: Any) -> str:
    if isinstance(value, CacheVary):
        return value.cache_part()
    if isinstance(value, Page | Collection) or hasattr(value, "_meta"):
        return f"{value._meta.label_lower}:{value.pk}"
    return repr(value)


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


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
    vary_parts = _vary_parts(vary)
    if not _is_shareable_reader(request) or vary_parts is None:
        return compute()
    version = content_version()
    if version is None:
        return compute()
    host = request.get_host() if hasattr(request, "get_host") else ""
    key = f"portal:shared:{name}:{_digest([name, str(version), visibility_class(request), host, *vary_parts])}"

    def keep(value) -> bool:
        return storable(value) and all(item.may_store() for item in vary if isinstance(item, CacheVary))

    return _through_cache(key, name, compute, SHARED_SECONDS if timeout is None else timeout, keep)


def versioned(name: str, compute: Callable[[], Any], *parts: Any, storable: Callable[[Any], bool] | None = None) -> Any:
    """A value that changes only with the content (a route, the restrictions a given account fails): computed
    once per content version and `parts`, for every reader and process. `parts` say whose value it is; a value
    whose parts are longer than MAX_VARY_CHARS, or that is not `storable`, is computed and not kept."""
    vary_parts = _vary_parts(parts)
    version = content_version() if vary_parts is not None else None
    if version is None:
        return compute()
    key = f"portal:versioned:{name}:{_digest([name, str(version), *vary_parts])}"
    return _through_cache(key, name, compute, SHARED_SECONDS, storable or (lambda value: True))


def _vary_parts(values) -> list[str] | None:
    """The key parts of these values, or None when they are too long to be worth a cache entry."""
    parts = [_part(value) for value in values]
    return parts if sum(map(len, parts)) <= MAX_VARY_CHARS else None


def _through_cache(key: str, name: str, compute, timeout: int, storable) -> Any:
    """The value stored under `key`, or compute() kept there (in a 1-tuple: a computed None is kept too).

    The cache failing in any way (unreachable, full, read-only) is a miss and a dropped write.
    """
    try:
        stored = cache.get(key)
    except Exception:  # noqa: BLE001  the cache server faltering must not break a page
        logger.warning("Cache indisponible : %s calculé sans cache", name, exc_info=True)
        return compute()
    if stored is not None:
        return stored[0]
    value = compute()
    if storable(value):
        try:
            cache.set(key, (value,), timeout)
        except Exception:  # noqa: BLE001
            logger.warning("Cache indisponible : %s non gardé", name, exc_info=True)
    return value


def is_per_request(html: str) -> bool:
    """Whether rendered HTML carries something of this request only (a CSRF token, a CSP nonce)."""
    return any(marker in html for marker in _PER_REQUEST_MARKERS)


def shared_fragment(request, name: str, render: Callable[[], str], *vary: Any, timeout: int | None = None) -> str:
    """Rendered HTML shared by the readers of this visibility class; a fragment holding a form token or a
    nonce is served but never stored."""
    return shared(request, name, render, *vary, timeout=timeout, storable=lambda html: not is_per_request(html))


# What pages show, besides pages themselves: their documents and images (and collections' privacy), the
# people and métiers named on them, the sites.
_CONTENT_MODELS = (
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Collection",
    "wagtailcore.Site",
    # Deleting a group drops its memberships and restriction links without any m2m signal.
    "auth.Group",
    "people.Person",
    "people.Metier",
    "taggit.Tag",
)
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
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return issubclass(model, get_document_model() | get_image_model())


def _bump_on_membership_change(sender, action, pk_set=None, **kwargs):
    # Django sends post_add even when every object was already there (an unchanged sign-in's roles): no change.
    if action == "post_clear" or (action in ("post_add", "post_remove") and pk_set):
        bump_content_version()


def connect() -> None:
    """Bump the version on every change that shows in a page (called once, when the app is ready)."""
    from django.contrib.auth import get_user_model

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
