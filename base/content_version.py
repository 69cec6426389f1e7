"""The content version: one database row, the number every shared cache key carries (base.caches).

It is bumped inside the transaction of any change that shows in a page (publishing, a restriction, a group
membership…) and read once per request, before any content. An entry computed from the content of version V
is therefore only ever found under V: a cache that lost an invalidation, stalled, restarted from an older
snapshot or belongs to one process can cost a miss, never serve older content or content restricted since.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

ROW = 1
# Inside bumped_once(): the changes waiting for their one bump at the end.
_deferred: ContextVar[list | None] = ContextVar("portal_deferred_content_version_bump", default=None)


class ContentVersion(models.Model):
    """The single row holding the content version (created by the migration)."""

    value = models.BigIntegerField(_("version"))

    class Meta:
        verbose_name = _("version du contenu")

    def __str__(self):
        return str(self.value)


def read_content_version() -> int | None:
    """The current version, in one query; None when the row is missing (an emptied database): cache nothing."""
    return ContentVersion.objects.filter(pk=ROW).values_list("value", flat=True).first()


def bump_content_version(**kwargs) -> None:
    """A new version, in the caller's transaction. Never below the clock: a database restored from an older
    backup moves past every number used since, so entries kept under those numbers are never reached."""
    pending = _deferred.get()
    if pending is not None:
        pending.append(True)
        return
    now = Value(time.time_ns(), output_field=models.BigIntegerField())
    if not ContentVersion.objects.filter(pk=ROW).update(value=Greatest(F("value") + 1, now)):
        ContentVersion.objects.get_or_create(pk=ROW, defaults={"value": time.time_ns()})


@contextmanager
def bumped_once() -> Iterator[None]:
    """Changes made inside bump the version once, at the end, still inside the caller's transaction (which must
    enclose this block): a bulk import locks the version's row for its last moment, not its whole length, so
    publications meanwhile do not wait for it. Nothing is bumped if the block fails (its transaction is undone)."""
    pending: list = []
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    if pending:
        bump_content_version()


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
