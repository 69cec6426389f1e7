"""The demo pages that are not imported: micro-projects, the projet de service, the home page and
the sections' introductions.

A missing micro-project is created; one already there is left as it is. The home page and the sections exist
before the demo (the site tree makes them, blank): the demo writes its text into such a page only while nobody
has written in it (see fill_if_blank), so a page someone changed is never overwritten.
"""

from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.models import Page

from home.services.site_tree import ensure_home
from importer.markdown import to_rich_text
from importer.pages import Rows, apply_values, create_page, update_page
from importer.writers import paragraph
from projects.models import MicroProjectPage, NeedsSheetPage, WorkingGroupPage

from .content import DemoContext, load_json


def _is_blank(page: Page, name: str) -> bool:
    value = getattr(page, name)
    if isinstance(page._meta.get_field(name), StreamField):
        return not len(value)
    if hasattr(value, "all"):  # an inline relation
        return not value.all()
    if isinstance(value, str):
        return not strip_tags(value).strip()
    return value is None


def fill_if_blank(page: Page, values: dict) -> bool:
    """Write the values into the page and publish it while nobody has written in it: none of those fields holds
    anything and the page has no revision but its first (any edit in the admin makes one, a field emptied
    there included). True when it did."""
    if page.revisions.count() > 1 or not all(_is_blank(page, name) for name in values):
        return False
    return update_page(page, values)


def ensure_micro_projects(context: DemoContext) -> tuple[list[Page], int]:
    """The retained needs sheets become micro-projects under their group: the missing ones are created.

    Returns the pages created and how many were already there (wherever they stand in the tree)."""
    created, kept = [], 0
    for need_slug, extra in load_json("besoins.json").items():
        item = extra.get("micro_project")
        if item is None:
            continue
        if MicroProjectPage.objects.filter(slug=item["slug"]).exists():
            kept += 1
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
        page = MicroProjectPage(slug=item["slug"])
        apply_values(page, values)
        created.append(create_page(group, page))
    return created, kept


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


def fill_service_project(context: DemoContext, sections: dict) -> bool:
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
    return fill_if_blank(page, values)


def fill_home_and_sections(sections: dict) -> tuple[int, int]:
    """The home page's welcome text and quick links, and each section's introduction, where still blank.

    Returns how many pages were filled and how many were left as they were."""
    data = load_json("site.json")
    home = ensure_home()
    links = [
        {
            "type": "link",
            "value": {"title": link["title"], "page": sections[link["section"]].pk, "description": link["description"]},
        }
        for link in data["quick_links"]
    ]
    filled = [fill_if_blank(home, {"welcome": to_rich_text(data["welcome"]), "quick_links": links})]
    for label, text in data["introductions"].items():
        values = {"introduction": to_rich_text(text)}
        if label == "projects.NeedsIndexPage":
            values["form_introduction"] = to_rich_text(data["needs_form_introduction"])
        filled.append(fill_if_blank(sections[label].specific, values))
    return sum(filled), len(filled) - sum(filled)
