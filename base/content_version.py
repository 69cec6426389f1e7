"""The content version: one database row, the number every shared cache key carries (base.page_cache).

It is bumped inside the transaction of any change that shows in a page (publishing, a restriction, a group
membership…) and read once per request, before any content. An entry computed from the content of version V
is therefore only ever found under V: a cache that lost an invalidation, stalled, restarted from an older
snapshot or belongs to one process can cost a miss, never serve older content or content restricted since.
"""

import time

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

ROW = 1


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
    now = Value(time.time_ns(), output_field=models.BigIntegerField())
    if not ContentVersion.objects.filter(pk=ROW).update(value=Greatest(F("value") + 1, now)):
        ContentVersion.objects.get_or_create(pk=ROW, defaults={"value": time.time_ns()})
