"""The demo pages that are not imported: micro-projects, the projet de service, the home page and
the sections' introductions. Each is created or updated, and republished only when it changed.
"""

from home.services.site_tree import ensure_home
from importer.markdown import to_rich_text
from importer.pages import Rows, apply_values, create_page, update_page
from importer.writers import paragraph
from projects.models import MicroProjectPage, NeedsSheetPage, WorkingGroupPage

from .content import DemoContext, load_json


def ensure_micro_projects(context: DemoContext) -> int:
    """The retained needs sheets become micro-projects under their group; returns how many were written."""
    written = 0
    for need_slug, extra in load_json("besoins.json").items():
        item = extra.get("micro_project")
        if item is None:
            continue
        sheet = context.page(NeedsSheetPage, need_slug)
        group = context.page(WorkingGroupPage, extra["suggested_group"])
        values = {
            "title": item["title"],
            "summary": item.get("summary", ""),
            "needs_sheet": sheet,
            "lead": context.person(item.get("lead")),
            "status": item["status"],
            "start": context.calendar.date(item["start"]),
            "end": context.calendar.date(item["end"]),
            "body": paragraph(item.get("body", "")),
            "metiers": list(sheet.metiers.all()),
        }
        page = MicroProjectPage.objects.child_of(group).filter(slug=item["slug"]).first()
        if page is None:
            page = MicroProjectPage(slug=item["slug"])
            apply_values(page, values)
            create_page(group, page)
            written += 1
        elif update_page(page, values):
            written += 1
    return written


def _methodology(data: dict) -> list[dict]:
    blocks = []
    for item in data["methodology"]:
        blocks.append({"type": "heading", "value": {"text": item["heading"], "level": "h3"}})
        blocks.append({"type": "paragraph", "value": to_rich_text(item["text"])})
    blocks.append({"type": "heading", "value": {"text": "Premiers résultats", "level": "h2"}})
    blocks.append({"type": "paragraph", "value": to_rich_text(data["results"])})
    message = data["key_message"]
    blocks.append(
        {
            "type": "callout",
            "value": {"kind": "important", "title": message["title"], "text": to_rich_text(message["text"])},
        }
    )
    return blocks


def update_service_project(context: DemoContext, sections: dict) -> bool:
    data = load_json("projet_de_service.json")
    page = sections["projects.ServiceProjectPage"].specific
    values = {
        "summary": data["summary"],
        "period_start": data["period_start"],
        "period_end": data["period_end"],
        "context": to_rich_text(data["context"]),
        "objectives": [{"type": "objective", "value": item} for item in data["objectives"]],
        "methodology": _methodology(data),
        "phases": [{"type": "phase", "value": item} for item in data["phases"]],
        "governance": [
            {
                "type": "body",
                "value": {
                    "name": body["name"],
                    "mission": to_rich_text(body["mission"]),
                    "meeting_frequency": body["meeting_frequency"],
                    "members": [context.person(name).pk for name in body["members"]],
                },
            }
            for body in data["governance"]
        ],
        "resource_people": Rows(
            [{"person": context.person(item["person"]), "role": item["role"]} for item in data["resource_people"]],
            key=("person",),
        ),
    }
    return update_page(page, values)


def update_home_and_sections(sections: dict) -> int:
    """The home page's welcome text and quick links, and each section's introduction."""
    data = load_json("site.json")
    home = ensure_home()
    links = [
        {
            "type": "link",
            "value": {"title": link["title"], "page": sections[link["section"]].pk, "description": link["description"]},
        }
        for link in data["quick_links"]
    ]
    written = int(update_page(home, {"welcome": to_rich_text(data["welcome"]), "quick_links": links}))
    for label, text in data["introductions"].items():
        values = {"introduction": to_rich_text(text)}
        if label == "projects.NeedsIndexPage":
            values["form_introduction"] = to_rich_text(data["needs_form_introduction"])
        written += int(update_page(sections[label].specific, values))
    return written
