"""What an indexed item gives the search: its text split by field, its terms, and its facets.

The fields come from the model's own `search_fields` (Wagtail's list), sorted into four zones as its
declaration says (search.registry): the title, the summary, the structured fields (everything else,
tags included) and the body; ranking then weighs title over summary over structured fields over body.
The facets are read where the declaration says too.
"""

from dataclasses import dataclass, field

from django.utils.encoding import force_str
from modelsearch import index

from .analysis import tokens
from .declarations import declaration_of, read_date, read_id, read_ids, read_tags

# The field Wagtail indexes the analysed text under; not a zone of its own.
ANALYSED_FIELD = "search_terms"
# Long documents: the body's terms are kept up to this many (the database searches them in place).
MAX_BODY_TERMS = 20000
# What excerpts are cut from is kept to this many characters.
MAX_TEXT_LENGTH = 5000


@dataclass
class Zones:
    """An item's plain text by zone."""

    title: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        return "\n".join(self.title + self.summary + self.fields + self.body)


def _texts(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        return _texts(list(value.values()))
    text = force_str(value).strip()
    return [text] if text else []


def _collect(obj, search_fields, zones: Zones, zone: str | None = None, related: bool = True):
    declaration = declaration_of(obj)
    for search_field in search_fields:
        if isinstance(search_field, index.SearchField) and search_field.field_name != ANALYSED_FIELD:
            target = zone or declaration.zone_of(search_field.field_name)
            value = (
                search_field.written_value(obj)
                if isinstance(search_field, IndexedTitleField)
                else search_field.get_value(obj)
            )
            getattr(zones, target).extend(_texts(value))
        elif related and isinstance(search_field, index.RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            related_objects = related.all() if hasattr(related, "all") else [related]
            for related_object in related_objects:
                _collect(related_object, search_field.fields, zones, zone="fields")


def zones_of(obj) -> Zones:
    """The item's text by zone, read once per instance (indexing asks twice)."""
    cached = getattr(obj, "_search_zones", None)
    if cached is None:
        cached = Zones()
        _collect(obj, obj.get_search_fields(), cached)
        obj._search_zones = cached
    return cached


def local_zones(obj) -> Zones:
    """The item's own text by zone, without related objects (no query): what excerpts are cut from."""
    zones = Zones()
    _collect(obj, obj.get_search_fields(), zones, related=False)
    return zones


def analysed_text(obj) -> str:
    """What Wagtail's index receives for the item besides its raw fields: the terms of every zone.

    Read once per instance: Wagtail's backends ask for it once per index column.
    """
    cached = getattr(obj, "_search_terms", None)
    if cached is None:
        cached = obj._search_terms = " ".join(token.term for token in tokens(zones_of(obj).all_text()))
    return cached


def record_values(obj) -> dict:
    """The SearchRecord fields of an item: its title and text as written (for display), its zones' terms
    in order (the body's first MAX_BODY_TERMS), the words it holds (for the vocabulary) and its facets."""
    zones = zones_of(obj)
    zone_tokens = {name: tokens("\n".join(getattr(zones, name))) for name in ("title", "summary", "fields", "body")}
    body_terms = [token.term for token in zone_tokens["body"]][:MAX_BODY_TERMS]
    words = {}
    for found in zone_tokens.values():
        for token in found:
            if "-" not in token.word and len(token.word) <= 100:
                words.setdefault(token.word.lower(), token.term)
    own = local_zones(obj)
    declaration, facets = declaration_of(obj), declaration_of(obj).facets
    passages = (" ".join(passage.split()) for passage in own.summary + own.fields + own.body)
    return {
        "kind": declaration.kind.key,
        "heading": " ".join(zones.title)[:1000] or str(obj)[:1000],
        "text": "\n".join(passage for passage in passages if passage)[:MAX_TEXT_LENGTH],
        "title": " ".join(token.term for token in zone_tokens["title"]),
        "summary": " ".join(token.term for token in zone_tokens["summary"]),
        "fields": " ".join(token.term for token in zone_tokens["fields"]),
        "body": f" {' '.join(body_terms)} " if body_terms else "",
        "words": words,
        "date": read_date(obj, facets.date),
        "metiers": read_ids(obj, facets.metiers),
        "group": read_id(obj, facets.group),
        "tags": read_tags(obj, facets.tags),
    }


def title_terms(obj) -> str:
    """The analysed terms of the item's title."""
    return " ".join(token.term for token in tokens("\n".join(zones_of(obj).title)))


class IndexedTitleField(index.SearchField):
    """The title as Wagtail's index receives it: as written, then its analysed terms.

    Wagtail's database index keeps titles in a column of their own; with the terms there too, the query's
    stems match in it and the database favours title matches when it picks the candidates to rank.
    """

    def get_value(self, obj):
        return f"{self.written_value(obj) or ''} {title_terms(obj)}"

    def written_value(self, obj):
        return super().get_value(obj)

    def __eq__(self, other):
        # It takes the place of the plain title field (Wagtail's checks look for Page's own).
        return self is other or (type(other) is index.SearchField and other.field_name == self.field_name)

    __hash__ = index.SearchField.__hash__


def with_indexed_title(search_fields: list) -> list:
    """The search fields with the plain title field replaced by an IndexedTitleField."""
    return [
        IndexedTitleField(field.field_name, boost=field.boost, **field.kwargs)
        if type(field) is index.SearchField and field.field_name == "title"
        else field
        for field in search_fields
    ]


def _search_terms(self) -> str:
    """The analysed text Wagtail's index holds beside the raw fields (search.analysis)."""
    return analysed_text(self)


def prepare_model(model) -> None:
    """Make Wagtail's index hold what the search needs of the model: its title followed by the title's
    terms (IndexedTitleField) and the analysed text of every zone (ANALYSED_FIELD, read from the model's
    `search_terms()`). Safe to repeat."""
    search_fields = with_indexed_title(model.search_fields)
    if not any(getattr(field, "field_name", None) == ANALYSED_FIELD for field in search_fields):
        search_fields.append(index.SearchField(ANALYSED_FIELD))
    model.search_fields = search_fields
    if ANALYSED_FIELD not in model.__dict__:
        setattr(model, ANALYSED_FIELD, _search_terms)
