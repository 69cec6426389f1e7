"""From a checked record to the values of its page: one writer per page type."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail.fields import StreamField
from wagtail.models import Page

from base.text import fold
from events.models import EventPage
from knowledge.models import ApproachPage, CaseStudyPage
from news.models import NewsPage
from people.models import Metier, Person
from people.services import find_or_create_metier, find_or_create_person
from projects.models import NeedsSheetPage, WorkingGroupMember, WorkingGroupPage

from .markdown import to_rich_text
from .pages import Rows
from .records import Record


class Resolver:
    """Finds (or adds) the métiers and people named in a file, once per name."""

    def __init__(self):
        self._metiers: dict[str, Metier] = {}
        self._people: dict[str, Person] = {}

    def metiers(self, names: list[str]) -> list[Metier]:
        found = []
        for name in names:
            if fold(name) not in self._metiers:
                self._metiers[fold(name)] = find_or_create_metier(name)
            found.append(self._metiers[fold(name)])
        return found

    def person(self, name: str) -> Person:
        if fold(name) not in self._people:
            self._people[fold(name)] = find_or_create_person(name)
        return self._people[fold(name)]


def paragraph(markdown: str) -> list[dict]:
    """A body stream holding the Markdown text as one paragraph block."""
    html = to_rich_text(markdown)
    return [{"type": "paragraph", "value": html}] if html else []


def _case_study(record: Record, page: Page | None, resolver: Resolver) -> dict[str, Any]:
    values = {"client": record.values["client"]} if "client" in record.values else {}
    for key in ("situation", "mandate", "intervention", "results"):
        if key in record.values:
            values[key] = to_rich_text(record.values[key])
    return values


def _approach(record: Record, page: Page | None, resolver: Resolver) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "summary" in record.values:
        # The summary says what the approach is for: it is also its "objet de la démarche".
        values["purpose"] = to_rich_text(record.values["summary"])
    if "steps" in record.values:
        values["steps"] = [
            {"type": "step", "value": {"title": step.title, "body": to_rich_text(step.body)}}
            for step in record.values["steps"]
        ]
    return values


def _pilot_rows(page: Page | None, pilots: list[Person]) -> Rows:
    """The group's members with exactly these pilots; former pilots stay as members."""
    pilot_ids = {person.pk for person in pilots}
    rows = []
    for member in page.members.all() if page is not None else []:
        role = WorkingGroupMember.Role.PILOT if member.person_id in pilot_ids else WorkingGroupMember.Role.MEMBER
        rows.append({"person": member.person, "role": role})
    present = {row["person"].pk for row in rows}
    rows += [{"person": person, "role": WorkingGroupMember.Role.PILOT} for person in pilots if person.pk not in present]
    return Rows(rows, key=("person",))


def _working_group(record: Record, page: Page | None, resolver: Resolver) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "status" in record.values:
        values["status"] = record.values["status"]
    if "objectives" in record.values:
        values["action_objectives"] = to_rich_text(record.values["objectives"])
    if "pilots" in record.values:
        pilots = list({person.pk: person for person in map(resolver.person, record.values["pilots"])}.values())
        values["members"] = _pilot_rows(page, pilots)
    return values


def _needs_sheet(record: Record, page: Page | None, resolver: Resolver) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "status" in record.values:
        values["status"] = record.values["status"]
    if "need" in record.values:
        values["need"] = to_rich_text(record.values["need"])
    if "submitted_by" in record.values:
        values["submitted_by"] = (
            resolver.person(record.values["submitted_by"]) if record.values["submitted_by"] else None
        )
    return values


def _event(record: Record, page: Page | None, resolver: Resolver) -> dict[str, Any]:
    return {key: record.values[key] for key in ("end", "kind", "location") if key in record.values}


def _nothing(record: Record, page: Page | None, resolver: Resolver) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class PageType:
    model: type[Page]
    section: str  # the section's model label, see home.services.site_tree.SECTIONS
    date_field: str
    tags_field: str
    # Where the Markdown "body" goes: a StreamField (as a paragraph block) or a rich text field.
    body_field: str
    specific_values: Callable[[Record, Page | None, Resolver], dict[str, Any]]


WRITERS = {
    "case_study": PageType(CaseStudyPage, "knowledge.CaseStudyIndexPage", "date", "tags", "body", _case_study),
    "news": PageType(NewsPage, "news.NewsIndexPage", "date", "tags", "body", _nothing),
    "approach": PageType(ApproachPage, "knowledge.ApproachIndexPage", "date", "tags", "body", _approach),
    "working_group": PageType(
        WorkingGroupPage, "projects.WorkingGroupIndexPage", "date", "tags", "body", _working_group
    ),
    "needs_sheet": PageType(NeedsSheetPage, "projects.NeedsIndexPage", "date", "tags", "context", _needs_sheet),
    "event": PageType(EventPage, "events.EventIndexPage", "start", "tags", "body", _event),
}


def page_values(record: Record, page: Page | None, resolver: Resolver) -> dict[str, Any]:
    """The page fields a record sets. Keys absent from the record leave their field as it is."""
    page_type = WRITERS[record.type]
    given = record.values
    values: dict[str, Any] = {"title": record.title}
    if "summary" in given:
        values["summary"] = given["summary"]
    if "body" in given:
        body_field = page_type.model._meta.get_field(page_type.body_field)
        is_stream = isinstance(body_field, StreamField)
        values[page_type.body_field] = paragraph(given["body"]) if is_stream else to_rich_text(given["body"])
    if "tags" in given:
        values[page_type.tags_field] = given["tags"]
    if "audiences" in given:
        values["metiers"] = resolver.metiers(given["audiences"])
    if "date" in given:
        values[page_type.date_field] = given["date"]
    values.update(page_type.specific_values(record, page, resolver))
    return values
