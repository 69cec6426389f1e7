"""The content version: one database row, the number every shared cache key carries (base.page_cache).

It is bumped inside the transaction of any change that shows in a page (publishing, a restriction, a group
membership…) and read once per request, before any content. An entry computed from the content of version V
is therefore only ever found under V: a cache that lost an invalidation, stalled, restarted from an older
snapshot or belongs to one process can cost a miss, never serve older content or content restricted since.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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
