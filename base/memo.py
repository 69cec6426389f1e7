"""Values computed once per request: the one way the portal remembers something for the rest of a request.

A memo is kept on the object that lives as long as it should: the request, or an account read for an e-mail or
a feed. Nothing is shared between requests here; what outlives a request is in the cache map (base.caches).
"""

from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

T = TypeVar("T")


def request_memo(holder: Any, name: str, compute: Callable[[], T]) -> T:
    """compute() the first time `name` is asked of `holder` (a request, an account), the same value afterwards.

    Without a holder, or on one that keeps no attributes, the value is computed at each call: still correct.
    """
    if holder is None:
        return compute()
    attribute = f"_portal_{name}"
    with suppress(AttributeError):
        return getattr(holder, attribute)
    value = compute()
    with suppress(AttributeError):
        setattr(holder, attribute, value)
    return value


def remember(holder: Any, name: str, value: Any) -> None:
    """Give `name` its value for the rest of the request, when it is already known (the page being served)."""
    if holder is not None:
        with suppress(AttributeError):
            setattr(holder, f"_portal_{name}", value)
