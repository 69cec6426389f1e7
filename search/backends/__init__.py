import threading
import time
from collections import OrderedDict

# How much more a match in the title counts than one in the body when the database picks the candidates
# that the portal then ranks (search.services.ranking weighs titles over bodies likewise).
TITLE_WEIGHT = 3.0
# Index entries read, best first, before the reader's queryset (live pages, visibility…) is applied.
RANKED_WINDOW = 2000
# The index's best entries for a query are kept this long by each process (see `read_ranked`).
RANKED_CACHE_SECONDS = 60
RANKED_CACHE_SIZE = 256
_ranked_cache: OrderedDict = OrderedDict()  # the oldest first
_ranked_lock = threading.Lock()

# The first read asks for this many entries per key wanted: most readers may see most matches, so one read
# of a few hundred entries usually suffices; RANKED_WINDOW is read only when too few of them are allowed.
FIRST_WINDOW_FACTOR = 2


def allowed_in_windows(read_object_ids, queryset, limit: int) -> list:
    """The primary keys of the best `limit` matches the queryset allows, best first.

    `read_object_ids(window)` gives the index's best `window` object ids; a small window is read first (the
    reader's check then covers few keys), the whole RANKED_WINDOW only when that one was full and too few of
    its matches are allowed."""
    pk_field = queryset.model._meta.pk
    window = min(max(limit * FIRST_WINDOW_FACTOR, 1), RANKED_WINDOW)
    while True:
        object_ids = read_object_ids(window)
        ranked = list(dict.fromkeys(pk_field.to_python(object_id) for object_id in object_ids))
        allowed = set(queryset.filter(pk__in=ranked).values_list("pk", flat=True))
        kept = [pk for pk in ranked if pk in allowed]
        if len(kept) >= limit or len(object_ids) < window or window >= RANKED_WINDOW:
            return kept[:limit]
        window = RANKED_WINDOW


def read_ranked(key: tuple, window: int, read) -> list:
    """`read(window)`, the index's best `window` object ids for a query (`key` says which query, sources
    and configuration), kept a while by this process: a common word's ranking over the whole index is the
    costly part of a search, and the same searches come back.

    Only the index's order is kept, never who may see what: the reader's queryset is applied to it at each
    search (`allowed_in_windows`) and the records are read afresh to rank, so an entry kept after a change
    of the index can cost a missed match until it expires, never show what the reader may not see."""
    now = time.monotonic()
    with _ranked_lock:
        known = _ranked_cache.get(key)
    if known is not None and now - known[0] <= RANKED_CACHE_SECONDS and (known[1] >= window or known[2]):
        return known[3][:window]
    object_ids = read(window)
    with _ranked_lock:
        # (when, window read, whether that read every match, the object ids)
        _ranked_cache[key] = (now, window, len(object_ids) < window, object_ids)
        while len(_ranked_cache) > RANKED_CACHE_SIZE:
            _ranked_cache.popitem(last=False)
    return object_ids


def forget_ranked():
    """After this process changed the index (other processes' entries expire)."""
    with _ranked_lock:
        _ranked_cache.clear()
