"""Setting a page's fields from wanted values, and publishing only when something changed.

Shared by the importer and the demo loader: re-running either on unchanged data creates no
revision, so both can be run again safely.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail.fields import StreamField
from wagtail.models import Page


@dataclass(frozen=True)
class Rows:
    """The wanted rows of an inline relation (members, meetings, documents…), in order.

    Rows are dicts of field values. Existing rows whose `key` fields match are kept and updated
    rather than replaced.
    """

    items: list[dict[str, Any]]
    key: tuple[str, ...] = field(default=())


def _without_ids(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if not (k == "id" and "type" in data)}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _stream_data(stream_field: StreamField, value: Any) -> list:
    """A stream's content in comparable form: as stored, without the blocks' random ids."""
    stream_block = stream_field.stream_block
    return _without_ids(stream_block.get_prep_value(stream_field.to_python(value)))


def _same_value(obj: models.Model, name: str, wanted: Any) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.many_to_one:
        return getattr(obj, model_field.attname) == (wanted.pk if wanted is not None else None)
    return getattr(obj, name) == wanted


def _apply_rows(page: Page, name: str, rows: Rows) -> bool:
    manager = getattr(page, name)
    current = list(manager.all())
    if len(current) == len(rows.items) and all(
        all(_same_value(obj, key, value) for key, value in row.items())
        for obj, row in zip(current, rows.items, strict=True)
    ):
        return False
    pool, wanted = list(current), []
    for row in rows.items:
        match = None
        if rows.key:
            match = next((obj for obj in pool if all(_same_value(obj, key, row[key]) for key in rows.key)), None)
        if match is not None:
            pool.remove(match)
            for key, value in row.items():
                setattr(match, key, value)
            wanted.append(match)
        else:
            wanted.append(manager.model(**row))
    sort_order_field = getattr(manager.model, "sort_order_field", None)
    if sort_order_field:
        for position, obj in enumerate(wanted):
            setattr(obj, sort_order_field, position)
    setattr(page, name, wanted)
    return True


def apply_values(page: Page, values: Mapping[str, Any]) -> bool:
    """Set the page's fields to the wanted values (in memory); True when any of them changed.

    Values: plain values for ordinary fields, model instances for foreign keys, lists of
    instances for ParentalManyToMany fields, lists of names for tags, raw stream data
    ([{"type": …, "value": …}]) for StreamFields, and Rows for inline relations.
    """
    changed = False
    for name, wanted in values.items():
        if isinstance(wanted, Rows):
            changed |= _apply_rows(page, name, wanted)
            continue
        model_field = page._meta.get_field(name)
        if isinstance(model_field, StreamField):
            if _stream_data(model_field, getattr(page, name)) != _stream_data(model_field, wanted):
                setattr(page, name, wanted)
                changed = True
        elif isinstance(model_field, ParentalManyToManyField):
            if {obj.pk for obj in getattr(page, name).all()} != {obj.pk for obj in wanted}:
                getattr(page, name).set(wanted)
                changed = True
        elif isinstance(model_field, TaggableManager):
            if {tag.name for tag in getattr(page, name).all()} != set(wanted):
                getattr(page, name).set(list(wanted))
                changed = True
        elif not _same_value(page, name, wanted):
            setattr(page, name, wanted)
            changed = True
    return changed


def publish(page: Page) -> None:
    """Save a new revision of the page and publish it (no user: a command-line change)."""
    page.save_revision().publish()


def create_page(parent: Page, page: Page) -> Page:
    """Add the page under its parent (Wagtail logs the creation), then publish its first revision."""
    page.owner = None
    parent.add_child(instance=page)
    publish(page)
    return page


def update_page(page: Page, values: Mapping[str, Any]) -> bool:
    """Apply the values and publish a new revision if anything changed; True when it did."""
    if not apply_values(page, values):
        return False
    # Publishing copies the tree fields of this object: if children were added since it was loaded,
    # its child count is stale and would hide them from the site.
    page.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
    publish(page)
    return True
