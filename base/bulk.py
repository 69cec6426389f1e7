"""Bulk publication (imports, the demo): pages published by the hundred tell nobody about each one.

Receivers that react to a publication one reader at a time (notifications) ask `in_bulk_publication()`; the
content version is bumped once, at the end (base.content_version.bumped_once). Enter it inside the
transaction: `with transaction.atomic(), bulk_publication():`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .content_version import bumped_once

_bulk_publication: ContextVar[bool] = ContextVar("bulk_publication", default=False)


@contextmanager
def bulk_publication() -> Iterator[None]:
    token = _bulk_publication.set(True)
    try:
        with bumped_once():
            yield
    finally:
        _bulk_publication.reset(token)


def in_bulk_publication() -> bool:
    return _bulk_publication.get()
