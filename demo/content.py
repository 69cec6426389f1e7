"""The demo pages: the JSON Lines files of demo/data/pages go through the importer, and the
complements (people, meetings, documents, links between pages) come from the JSON files beside them.

Only the missing pages are imported: a demo page is known by its type and slug, wherever it stands in the tree,
and one already there is never written again, since an editor or a pilot may have changed it since.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wagtail.models import Page

from base.text import fold
from documents.models import PortalDocument
from importer.markdown import to_rich_text
from importer.pages import Rows
from importer.records import ImportFailed, Record
from importer.services import ImportReport, import_records, parse_objects
from importer.writers import WRITERS
from knowledge.models import ApproachPage
from people.models import Person
from projects.models import WorkingGroupMember, WorkingGroupPage
from projects.progress import convert_indicator

from .dates import DemoCalendar

DATA_DIR = Path(__file__).resolve().parent / "data"
PAGES_DIR = DATA_DIR / "pages"
PILOT, MEMBER = WorkingGroupMember.Role.PILOT, WorkingGroupMember.Role.MEMBER


class DemoDataError(Exception):
    pass


def load_json(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def read_page_records(calendar: DemoCalendar) -> list[Record]:
    """The records of every demo page file, checked by the importer, with their dates moved."""
    records = []
    for path in sorted(PAGES_DIR.glob("*.jsonl")):
        items = []
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if text.strip():
                data = json.loads(text)
                for key in ("date", "end"):
                    if key in data:
                        data[key] = calendar.iso(data[key])
                items.append((line, data))
        try:
            records += parse_objects(items)
        except ImportFailed as failure:
            raise DemoDataError("\n".join(f"{path.name}, {error}" for error in failure.errors)) from None
    return records


@dataclass
class DemoContext:
    calendar: DemoCalendar
    people: dict[str, Person]
    documents: dict[str, PortalDocument]
    _pages: dict[tuple[type, str], Page] = field(default_factory=dict)

    def person(self, name: str | None) -> Person | None:
        return self.people[fold(name)] if name else None

    def page(self, model: type[Page], slug: str | None) -> Page | None:
        if not slug:
            return None
        if (model, slug) not in self._pages:
            # The first one: a copy elsewhere in the tree may share the slug.
            self._pages[(model, slug)] = model.objects.filter(slug=slug).order_by("pk").first()
        return self._pages[(model, slug)]

    def attachments(self, items: list[dict]) -> Rows:
        rows = [
            {"document": self.documents[item["document"]], "description": item.get("description", "")} for item in items
        ]
        return Rows(rows, key=("document",))


class Complements:
    """extra_values for the importer: what the JSON Lines format does not carry, page type by page type."""

    def __init__(self, context: DemoContext):
        self.context = context
        self.groups = load_json("groupes.json")
        self.needs = load_json("besoins.json")
        self.news_items = load_json("actualites.json")
        self.events = load_json("agenda.json")
        self.knowledge = load_json("connaissances.json")

    def __call__(self, record: Record, page: Page | None) -> dict[str, Any]:
        return getattr(self, record.type)(record)

    def working_group(self, record: Record) -> dict[str, Any]:
        extra, person = self.groups.get(record.slug, {}), self.context.person
        pilots = [person(name) for name in record.values.get("pilots", [])]
        members = [person(name) for name in extra.get("members", []) if person(name) not in pilots]
        rows = [{"person": p, "role": PILOT} for p in pilots] + [{"person": p, "role": MEMBER} for p in members]
        values = {"members": Rows(rows, key=("person",)), "referent": person(extra.get("referent"))}
        values.update(self._action_sheet(extra.get("action_sheet", {})))
        values["meetings"] = Rows([self._meeting(item) for item in extra.get("meetings", [])], key=("title",))
        values["documents"] = self.context.attachments(extra.get("documents", []))
        return values

    def _action_sheet(self, sheet: dict) -> dict[str, Any]:
        calendar = self.context.calendar
        values = {
            key: to_rich_text(sheet.get(key, ""))
            for key in ("action_context", "target_audience", "deliverables", "resources", "partners")
        }
        values["action_steps"] = [
            {"type": "step", "value": {**step, "due": calendar.iso(step["due"]) if step.get("due") else None}}
            for step in sheet.get("action_steps", [])
        ]
        values["schedule"] = [
            {"type": "milestone", "value": {"date": calendar.iso(item["date"]), "label": item["label"]}}
            for item in sheet.get("schedule", [])
        ]
        values["indicators"] = [
            {"type": "indicator", "value": self._indicator(item)} for item in sheet.get("indicators", [])
        ]
        return values

    def _indicator(self, item: dict) -> dict[str, Any]:
        """An indicator with its dated values moved with the demo calendar (a bare text target is converted)."""
        calendar = self.context.calendar
        value = convert_indicator(item) if "values" not in item else {**item}
        for key in ("baseline", "target"):
            value[key] = str(value[key]) if value.get(key) is not None else None
        value["target_date"] = calendar.iso(value["target_date"]) if value.get("target_date") else None
        value["values"] = [
            {
                "date": calendar.iso(measure["date"]),
                "value": str(measure["value"]),
                "comment": measure.get("comment", ""),
            }
            for measure in value.get("values", [])
        ]
        return value

    def _meeting(self, item: dict) -> dict[str, Any]:
        return {
            "title": item["title"],
            "starts_at": self.context.calendar.moment(item["starts_at"]),
            "location": item.get("location", ""),
            "agenda": item.get("agenda", ""),
            "minutes": to_rich_text(item.get("minutes", "")),
            "minutes_document": self.context.documents.get(item.get("minutes_document")),
        }

    def needs_sheet(self, record: Record) -> dict[str, Any]:
        extra = self.needs.get(record.slug, {})
        return {
            "expected_benefits": to_rich_text(extra.get("expected_benefits", "")),
            "decision": to_rich_text(extra.get("decision", "")),
            "suggested_group": self.context.page(WorkingGroupPage, extra.get("suggested_group")),
        }

    def news(self, record: Record) -> dict[str, Any]:
        extra = self.news_items.get(record.slug, {})
        return {
            "author": self.context.person(extra.get("author")),
            "working_group": self.context.page(WorkingGroupPage, extra.get("working_group")),
        }

    def event(self, record: Record) -> dict[str, Any]:
        extra = self.events.get(record.slug, {})
        return {
            "kind": extra.get("kind", "other"),
            "location": extra.get("location", ""),
            "organiser": self.context.person(extra.get("organiser")),
            "registration": extra.get("registration", ""),
            "working_group": self.context.page(WorkingGroupPage, extra.get("working_group")),
        }

    def case_study(self, record: Record) -> dict[str, Any]:
        extra = self.knowledge["case_studies"].get(record.slug, {})
        links = [{"approach": self.context.page(ApproachPage, slug)} for slug in extra.get("approaches", [])]
        return {
            "territory": extra.get("territory", ""),
            "approach_links": Rows(links, key=("approach",)),
            "attachments": self.context.attachments(extra.get("attachments", [])),
        }

    def approach(self, record: Record) -> dict[str, Any]:
        extra = self.knowledge["approaches"].get(record.slug, {})
        return {"tools": self.context.attachments(extra.get("tools", []))}


def _present(records: list[Record]) -> set[tuple[str, str]]:
    """(type, slug) of the records whose page exists, wherever it stands in the tree."""
    present = set()
    for page_type in {record.type for record in records}:
        slugs = [record.slug for record in records if record.type == page_type]
        found = WRITERS[page_type].model.objects.filter(slug__in=slugs).values_list("slug", flat=True)
        present.update((page_type, slug) for slug in found)
    return present


def import_demo_pages(context: DemoContext) -> tuple[ImportReport, int]:
    """Import the missing demo pages; returns the import's report and how many pages were already there."""
    records = read_page_records(context.calendar)
    present = _present(records)
    missing = [record for record in records if (record.type, record.slug) not in present]
    report = import_records(missing, extra_values=Complements(context)) if missing else ImportReport()
    return report, len(records) - len(missing)
