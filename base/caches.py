"""Every cache the portal keeps, declared once: what it holds, what its key varies on, how long an entry lives,
what forgets it, whether readers share it, and which cache backend holds it.

No other module speaks to Django's cache: each uses its entry of this map (`BELL.get(user_id)`…). A cache that
fails in any way (unreachable, full, read-only) is a miss and a dropped write: everything here can be computed
again from the database, and nothing here decides who sees what (base.visibility). The README's map of the
cache is this one, rendered by `manage.py cache_map`.

`versioned()` keeps a value that changes only with the content under the content version (base.content_version):
an entry is found only under the version it was computed from, so a lost invalidation costs a miss, never an
older value. The shared page parts (base.page_cache) are kept the same way, per visibility class too.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from django.conf import settings
from django.core.cache import caches as backends

from .content_version import content_version

logger = logging.getLogger(__name__)

# Entries under an older version are never read again; they only need to outlive their usefulness.
SHARED_SECONDS = getattr(settings, "PORTAL_SHARED_CACHE_SECONDS", None) or 60 * 60 * 6
# What depends on the clock ("à venir") is kept a short time only.
TIME_DEPENDENT_SECONDS = getattr(settings, "PORTAL_TIME_DEPENDENT_CACHE_SECONDS", 60)
# A piece varying on more than this is computed but never looked up nor kept: hostile arguments cannot
# fill the cache with large, unique keys.
MAX_VARY_CHARS = 512
# Where a cache kept by each process in its own memory lives, in place of a Django cache alias.
PROCESS_MEMORY = "processus"


@dataclass(frozen=True)
class PortalCache:
    """One cache of the portal. Values are stored in a 1-tuple, so that a computed None is kept too.

    The French fields are the README's map; `managed=False` declares a cache kept by a library (Wagtail's
    renditions, sign-in throttling), listed here so that the map is complete, and never used through this object.
    """

    prefix: str
    entry: str
    where: str
    key_parts: str
    lifetime: str
    forgotten_by: str
    if_lost: str
    shared: bool
    seconds: int | None = None
    # Whose entry it is when it is not shared by every reader.
    personal_to: str = "un compte"
    alias: str = "default"
    # The content version closes every key (memberships saved with their group never outlive it).
    by_content_version: bool = False
    managed: bool = True

    def key(self, *parts: Any) -> str:
        if self.by_content_version:
            parts = (*parts, content_version())
        return ":".join([self.prefix, *map(str, parts)])

    def get(self, *parts: Any, default: Any = None) -> Any:
        return self.read(self.key(*parts), default)

    def set(self, value: Any, *parts: Any, timeout: int | None = None) -> None:
        self.write(self.key(*parts), value, self.seconds if timeout is None else timeout)

    def get_or_set(self, compute: Callable[[], Any], *parts: Any, **options: Any) -> Any:
        return self.fetch(self.key(*parts), compute, **options)

    def delete(self, *parts: Any) -> None:
        self.delete_many([parts])

    def delete_many(self, keys_parts: Iterable[tuple]) -> None:
        keys = [self.key(*parts) for parts in keys_parts]
        try:
            backends[self.alias].delete_many(keys)
        except Exception:  # noqa: BLE001  a cache server faltering must not break a page
            logger.warning("Cache indisponible : %s non effacé", ", ".join(keys), exc_info=True)

    def read(self, key: str, default: Any = None) -> Any:
        """The value under a key made by this cache, or `default` (missing, or the cache failing)."""
        try:
            stored = backends[self.alias].get(key)
        except Exception:  # noqa: BLE001
            logger.warning("Cache indisponible : %s calculé sans cache", key, exc_info=True)
            return default
        return default if stored is None else stored[0]

    def write(self, key: str, value: Any, timeout: int | None) -> None:
        try:
            backends[self.alias].set(key, (value,), timeout)
        except Exception:  # noqa: BLE001
            logger.warning("Cache indisponible : %s non gardé", key, exc_info=True)

    def fetch(
        self,
        key: str,
        compute: Callable[[], Any],
        *,
        timeout: int | None = None,
        storable: Callable[[Any], bool] | None = None,
    ) -> Any:
        """The value under `key`, or compute() kept there when `storable` (always, by default)."""
        missing = object()
        value = self.read(key, missing)
        if value is not missing:
            return value
        value = compute()
        if storable is None or storable(value):
            self.write(key, value, self.seconds if timeout is None else timeout)
        return value


SHARED_PARTS = PortalCache(
    prefix="portal:shared",
    entry="parties de page communes (`portal:shared:…`)",
    where="`base/page_cache.py` (`shared`, `{% shared %}`)",
    key_parts="version du contenu, classe de visibilité, arguments",
    lifetime="6 h (60 s pour « à venir »)",
    forgotten_by="toute modification visible (nouvelle version du contenu)",
    if_lost="sans objet : la version change avec le contenu",
    shared=True,
    seconds=SHARED_SECONDS,
)
VERSIONED_VALUES = PortalCache(
    prefix="portal:versioned",
    entry=(
        "sites, chemins racines et rubriques de l’accueil, adresse de chaque page, pages restreintes ou alias, "
        "pages refusées à chaque compte (`portal:versioned:…`)"
    ),
    where="`base/sites.py`, `home/models.py`, `base/models.py`, `base/visibility.py` (`versioned`)",
    key_parts="version du contenu, ce dont la valeur dépend",
    lifetime="6 h",
    forgotten_by="toute modification visible (nouvelle version du contenu)",
    if_lost="sans objet",
    shared=True,
    seconds=SHARED_SECONDS,
)
FOLLOW_STATE = PortalCache(
    prefix="participation:follow-state",
    entry="état de suivi d’un compte (boutons « Suivre »)",
    where="`participation/services/follow_state.py`",
    key_parts="compte, version du contenu",
    lifetime="5 min",
    forgotten_by="un suivi, un membre, un référent ou le compte d’une personne enregistré",
    if_lost="un bouton en retard de 5 min au plus",
    shared=False,
    seconds=300,
    by_content_version=True,
)
BELL = PortalCache(
    prefix="participation:bell",
    entry="nombre de notifications non lues (cloche)",
    where="`participation/services/bell.py`",
    key_parts="compte ; la valeur porte les pages refusées au lecteur",
    lifetime="60 s",
    forgotten_by="une notification créée ou lue",
    if_lost="un chiffre en retard d’une minute au plus",
    shared=False,
    seconds=60,
)
FEED_TOKEN = PortalCache(
    prefix="personal-feeds:token",
    entry="adresse d’abonnement affichée",
    where="`personal_feeds/services.py`",
    key_parts="compte",
    lifetime="5 min",
    forgotten_by="une adresse créée, renouvelée ou révoquée",
    if_lost="une ancienne adresse affichée (elle répond 401 : le flux vérifie le secret dans la base)",
    shared=False,
    seconds=300,
)
SEARCH_ENGINE_DOWN = PortalCache(
    prefix="search:engine-down",
    entry="moteur de recherche externe en panne",
    where="`search/services/engines.py`",
    key_parts="—",
    lifetime="30 s",
    forgotten_by="rien : l’entrée expire",
    if_lost="la base répond à sa place 30 s de plus",
    shared=True,
    seconds=30,
)
RENDITIONS = PortalCache(
    prefix="renditions",
    entry="vignettes d’images",
    where="Wagtail (cache `renditions`)",
    key_parts="image, filtre",
    lifetime="Wagtail",
    forgotten_by="Wagtail, quand l’image change",
    if_lost="sans objet : `/media/` vérifie la collection dans la base",
    shared=True,
    alias="renditions",
    managed=False,
)
SIGN_IN_ATTEMPTS = PortalCache(
    prefix="throttle",
    entry="tentatives de connexion",
    where="`accounts/throttle.py`, dans la base",
    key_parts="adresse, compte",
    lifetime="durée de la limite",
    forgotten_by="la fin de la limite",
    if_lost="rien ne se perd : c’est la base",
    shared=False,
    personal_to="une adresse, un compte",
    alias="throttle",
    managed=False,
)
SEARCH_RANKED_ORDER = PortalCache(
    prefix="ranked",
    entry="ordre de l’index pour une recherche",
    where="`search/backends/__init__.py`, mémoire de chaque processus",
    key_parts="moteur, base, requête analysée, sources",
    lifetime="60 s, 256 recherches au plus",
    forgotten_by="l’écriture dans l’index par ce processus ; l’expiration pour les autres",
    if_lost="une page publiée ailleurs manque au plus une minute ; la visibilité est vérifiée à chaque recherche",
    shared=True,
    alias=PROCESS_MEMORY,
    managed=False,
)

CACHE_MAP = (
    SHARED_PARTS,
    VERSIONED_VALUES,
    FOLLOW_STATE,
    BELL,
    FEED_TOKEN,
    SEARCH_ENGINE_DOWN,
    SEARCH_RANKED_ORDER,
    RENDITIONS,
    SIGN_IN_ATTEMPTS,
)


def clear_portal_caches() -> None:
    """Empty the backends holding the portal's own caches (after a restore: they describe replaced content).
    Sign-in throttling and Wagtail's renditions are left alone. Raises when a backend does not answer."""
    for alias in dict.fromkeys(cache.alias for cache in CACHE_MAP if cache.managed):
        backends[alias].clear()


def map_table() -> str:
    """The cache map as the README's Markdown table, in French."""
    rows = [
        "| entrée | où | clé | durée | effacée par | si une invalidation se perd | pour | cache |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for cache in CACHE_MAP:
        cells = (
            cache.entry,
            cache.where,
            cache.key_parts,
            cache.lifetime,
            cache.forgotten_by,
            cache.if_lost,
            "tous les lecteurs" if cache.shared else cache.personal_to,
            f"`{cache.alias}`",
        )
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


@runtime_checkable
class CacheVary(Protocol):
    """An argument of a cached value that says how it reads in the key (None: the value may not be shared)
    and, once the value is computed, whether it may be kept (a listing: only its accepted, valid parameters,
    base.services.listing)."""

    def cache_part(self) -> str | None: ...

    def may_store(self) -> bool: ...


def _part(value: Any) -> str | None:
    if isinstance(value, CacheVary):
        return value.cache_part()
    if hasattr(value, "_meta"):
        return f"{value._meta.label_lower}:{value.pk}"
    return repr(value)


def vary_parts(values: Iterable[Any]) -> list[str] | None:
    """The key parts of these values, or None when one may not be shared or they are too long to be worth a
    cache entry."""
    parts = [_part(value) for value in values]
    if None in parts:
        return None
    return parts if sum(map(len, parts)) <= MAX_VARY_CHARS else None


def digest(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def versioned(name: str, compute: Callable[[], Any], *parts: Any, storable: Callable[[Any], bool] | None = None) -> Any:
    """A value that changes only with the content (a route, the restrictions a given account fails): computed
    once per content version and `parts`, for every reader and process. `parts` say whose value it is; a value
    whose parts are longer than MAX_VARY_CHARS, or that is not `storable`, is computed and not kept."""
    key_parts = vary_parts(parts)
    version = content_version() if key_parts is not None else None
    if version is None:
        return compute()
    key = VERSIONED_VALUES.key(name, digest([name, str(version), *key_parts]))
    return VERSIONED_VALUES.fetch(key, compute, storable=storable)
