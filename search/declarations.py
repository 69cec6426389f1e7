"""What the indexed models declared through search.registry, as the search reads it: each model's kind,
the zones of its fields, its facets and, for models that are not pages, where its results come from.

A model that declares nothing is read with the defaults below (Wagtail's pages, images and documents,
base's content pages): its results are "Autres pages".
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# A facet's reading: an attribute name, attribute names tried in turn, or a function of the object.
Reading = str | Sequence[str] | Callable[[Any], Any] | None


@dataclass(frozen=True)
class Kind:
    """A type of result: its key in URLs ("actualites"), its French label and its place among the types."""

    key: str
    label: str | Promise
    order: int
    # Its recent items are gently favoured by the ranking (news).
    favours_recent: bool = False


@dataclass(frozen=True)
class Facets:
    """Where an item's facets are read: its date (the year facet and the date sort), its métiers (ids),
    the working group it belongs to (a page id) and its tags (a tag manager)."""

    date: Reading = ("first_published_at", "created_at")
    metiers: Reading = "metiers"
    group: Reading = None
    tags: Reading = "tags"


@dataclass(frozen=True)
class Source:
    """Where the results of a model that is not a page come from (pages come from the page tree, seen
    through base.visibility).

    `name` names the source in the ranked items ("document", "person"); `visible_to(reader)` is the
    queryset the reader may see (None: everything); `available_to(reader)` whether the reader searches
    this source at all; `url(obj, request)` a result's link; `select_related` what a result loads with
    it; `prefetch(objects)` what the shown results load together (photos…); `shows_date` whether a
    result shows its date.
    """

    name: str
    url: Callable[[Any, Any], str]
    visible_to: Callable[[Any], QuerySet | None] | None = None
    available_to: Callable[[Any], bool] | None = None
    select_related: tuple[str, ...] = ()
    prefetch: Callable[[list], None] | None = None
    shows_date: bool = True


@dataclass(frozen=True)
class Declaration:
    """How one model is searched."""

    kind: Kind
    # Field names by zone; any other searched field (tags and related objects included) is a structured one.
    title: tuple[str, ...] = ("title",)
    summary: tuple[str, ...] = ("summary", "search_description", "introduction", "description")
    body: tuple[str, ...] = ("body",)
    facets: Facets = field(default_factory=Facets)
    source: Source | None = None

    def zone_of(self, field_name: str) -> str:
        if field_name in self.title:
            return "title"
        if field_name in self.summary:
            return "summary"
        if field_name in self.body:
            return "body"
        return "fields"


OTHER_PAGES = Kind("pages", _("Autres pages"), order=80)
PAGE_SOURCE = "page"
DEFAULT = Declaration(OTHER_PAGES)

_declarations: dict[type[Model], Declaration] = {}


def declare(model: type[Model], declaration: Declaration) -> None:
    known = {kind.key: kind for kind in kinds()}
    if declaration.kind.key in known and known[declaration.kind.key] != declaration.kind:
        raise ValueError(f"The kind {declaration.kind.key!r} is already declared differently.")
    _declarations[model] = declaration


def withdraw(model: type[Model]) -> None:
    _declarations.pop(model, None)


def is_declared(model: type[Model]) -> bool:
    return model in _declarations


def declaration_of(obj_or_model) -> Declaration:
    """The declaration of the object's model, or of its nearest declared parent; the default otherwise."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    for candidate in model.__mro__:
        if candidate in _declarations:
            return _declarations[candidate]
    return DEFAULT


def kinds() -> list[Kind]:
    """Every type of result, in display order ("Autres pages" among them)."""
    found = {OTHER_PAGES.key: OTHER_PAGES}
    for declaration in _declarations.values():
        found.setdefault(declaration.kind.key, declaration.kind)
    return sorted(found.values(), key=lambda kind: (kind.order, kind.key))


def kind_labels() -> dict[str, str | Promise]:
    return {kind.key: kind.label for kind in kinds()}


def page_kinds() -> list[str]:
    """The kinds the page tree's results have."""
    others = {declaration.kind.key for declaration in _declarations.values() if declaration.source}
    return [kind.key for kind in kinds() if kind.key not in others]


def recent_kinds() -> frozenset[str]:
    return frozenset(kind.key for kind in kinds() if kind.favours_recent)


def sources() -> list[tuple[type[Model], Declaration]]:
    """The declared models that are not pages, with their declarations, in the order of their kinds."""
    declared = [(model, declaration) for model, declaration in _declarations.items() if declaration.source]
    return sorted(declared, key=lambda entry: (entry[1].kind.order, entry[1].kind.key))


def source_named(name: str) -> tuple[type[Model], Declaration] | None:
    return next(((model, declaration) for model, declaration in sources() if declaration.source.name == name), None)


# --- Reading facets ------------------------------------------------------------------------------


def _read(obj, reading: Reading):
    if reading is None:
        return None
    if callable(reading):
        return reading(obj)
    if isinstance(reading, str):
        return getattr(obj, reading, None)
    for name in reading:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def read_date(obj, reading: Reading) -> datetime.date | None:
    value = _read(obj, reading)
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def read_ids(obj, reading: Reading) -> list[int]:
    value = _read(obj, reading)
    if value is None:
        return []
    if hasattr(value, "all"):
        # .all(), not values_list(): a page's métiers are saved just after the page (modelcluster).
        return sorted(related.pk for related in value.all())
    return [value] if value else []


def read_id(obj, reading: Reading) -> int | None:
    return _read(obj, reading) or None


def read_tags(obj, reading: Reading) -> list[str]:
    manager = _read(obj, reading)
    if manager is None or not hasattr(manager, "all"):
        return []
    return sorted({tag.name for tag in manager.all()})
