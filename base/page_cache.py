"""What readers share, cached: one content version, bumped whenever what a page shows may change.

Pages are the same for every signed-in reader but for small personal parts (the bell, "mes groupes",
follow buttons, forms). The shared parts (navigation, rendered page bodies, home listings and key figures)
are cached under a key made of:

- the content version, a counter kept in the cache (Redis in production, so every process sees the same
  one), bumped by the signals below: publishing, unpublishing, moving or deleting a page, any change of a
  page, document, image, collection, person or métier, of a privacy setting or of a group membership. A
  bumped version makes every older entry unreachable; they expire on their own.
- the reader's visibility class: the restrictions the reader does not pass (base.visibility), read
  live at each request. Two readers share an entry only if they are refused exactly the same pages and
  collections, so nothing reaches a reader who may not see it.
- what else the piece depends on (the page, the métier, the query string…).

What depends on the clock ("à venir") is also kept a short time only (TIME_DEPENDENT_SECONDS).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .visibility import hidden_paths

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:content-version"


def _default_shared_seconds() -> int:
    # Entries under a bumped version are never read again: with a shared cache (Redis) they only need to
    # outlive their usefulness. A memory cache belongs to one process: the others learn of a change only when
    # their entries expire, so they are kept one minute.
    backend = settings.CACHES["default"]["BACKEND"]
    return 60 if backend.endswith(("LocMemCache", "DummyCache")) else 60 * 60 * 6


SHARED_SECONDS = getattr(settings, "PORTAL_SHARED_CACHE_SECONDS", None) or _default_shared_seconds()
TIME_DEPENDENT_SECONDS = getattr(settings, "PORTAL_TIME_DEPENDENT_CACHE_SECONDS", 60)
_REQUEST_VERSION = "_portal_content_version"
_REQUEST_CLASS = "_portal_visibility_class"
# Markers of a response part that belongs to one request only: never stored.
_PER_REQUEST_MARKERS = ("csrfmiddlewaretoken", " nonce=")
# A piece varying on more than this (a query string, mostly) is computed but never kept: a reader's own
# filters fit well within it, and hostile query strings cannot fill the cache with large, unique keys.
MAX_VARY_CHARS = 512


def content_version(request=None) -> int:
    """The current content version, read once per request (one request renders one consistent version)."""
    if request is not None and hasattr(request, _REQUEST_VERSION):
        return getattr(request, _REQUEST_VERSION)
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            # A start from the clock: after an eviction, old entries cannot come back under a reused number.
            version = time.time_ns()
            if not cache.add(VERSION_KEY, version, None):
                version = cache.get(VERSION_KEY, version)
    except Exception:  # noqa: BLE001  the cache server faltering must not break a page
        logger.warning("Cache indisponible : version du contenu non lue", exc_info=True)
        version = 0
    if request is not None:
        setattr(request, _REQUEST_VERSION, version)
    return version


def bump_content_version(**kwargs) -> None:
    """Make every shared entry stale, in every process that shares this cache."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or evicted
        cache.set(VERSION_KEY, time.time_ns(), None)
    except Exception:  # noqa: BLE001
        logger.warning("Cache indisponible : version du contenu non changée", exc_info=True)


def visibility_class(request) -> str:
    """What the shared pieces seen by this reader depend on: the pages and collections refused to them."""
    if hasattr(request, _REQUEST_CLASS):
        return getattr(request, _REQUEST_CLASS)
    refused = repr((hidden_paths(request, "page"), hidden_paths(request, "collection")))
    value = hashlib.sha256(refused.encode()).hexdigest()[:32]
    setattr(request, _REQUEST_CLASS, value)
    return value


def _part(value: Any) -> str:
    if isinstance(value, Page | Collection) or hasattr(value, "_meta"):
        return f"{value._meta.label_lower}:{value.pk}"
    if hasattr(value, "urlencode"):  # a QueryDict
        return value.urlencode()
    return repr(value)


def shared_key(request, name: str, *vary: Any) -> str:
    """The cache key of a piece shared by the readers of this request's visibility class."""
    return _key(request, name, [_part(value) for value in vary])


def _key(request, name: str, vary_parts: list[str]) -> str:
    host = request.get_host() if hasattr(request, "get_host") else ""
    digest = _digest([name, str(content_version(request)), visibility_class(request), host, *vary_parts])
    return f"portal:shared:{name}:{digest}"


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
    value that is not `storable` is returned but not kept.

    Readers without a session (accounts in e-mails) and anonymous visitors always compute their own, and so
    does a request whose `vary` is longer than MAX_VARY_CHARS (not looked up, not stored).
    """
    vary_parts = _vary_parts(vary)
    if not _is_shareable_reader(request) or vary_parts is None:
        return compute()
    key = _key(request, name, vary_parts)
    return _through_cache(key, name, compute, SHARED_SECONDS if timeout is None else timeout, storable)


def versioned(name: str, compute: Callable[[], Any], *parts: Any, request=None) -> Any:
    """A value that changes only with the content (a route, the restrictions a given account fails): computed
    once per content version and `parts`, for every reader and process. `parts` say whose value it is; a value
    whose parts are longer than MAX_VARY_CHARS is computed and not kept."""
    vary_parts = _vary_parts(parts)
    if vary_parts is None:
        return compute()
    digest = _digest([name, str(content_version(request)), *vary_parts])
    return _through_cache(f"portal:versioned:{name}:{digest}", name, compute, SHARED_SECONDS)


def _vary_parts(values) -> list[str] | None:
    """The key parts of these values, or None when they are too long to be worth a cache entry."""
    parts = [_part(value) for value in values]
    return parts if sum(map(len, parts)) <= MAX_VARY_CHARS else None


def _through_cache(key: str, name: str, compute, timeout: int, storable=lambda value: True) -> Any:
    """The value stored under `key`, or compute() kept there (in a 1-tuple: a computed None is kept too)."""
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


def _bump_on_model_change(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    if isinstance(instance, Page) or sender._meta.label in _CONTENT_MODELS or _is_media(sender):
        bump_content_version()


def _is_media(model) -> bool:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return issubclass(model, get_document_model() | get_image_model())


def _bump_on_membership_change(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
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
