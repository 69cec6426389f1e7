"""The demo directory: the métiers and the people of the service (seed 000's authors among them).

A métier or a person already there (same folded name) is left as it is: an administrator may have edited it.
"""

from datetime import date

from base.text import fold
from importer.markdown import to_rich_text
from people.models import Metier, Person


def ensure_metiers(data: list[dict]) -> dict[str, Metier]:
    """The métiers by folded name, the missing ones created."""
    metiers = {}
    for position, item in enumerate(data, 1):
        values = {"name": item["name"], "description": item.get("description", ""), "sort_order": position * 10}
        metier = Metier.objects.filter(folded_name=fold(item["name"])).first() or Metier.objects.create(**values)
        metiers[fold(metier.name)] = metier
    return metiers


def ensure_people(data: list[dict], metiers: dict[str, Metier]) -> dict[str, Person]:
    """The directory entries by folded full name, the missing ones created."""
    people = {}
    for item in data:
        values = {
            "first_name": item["first_name"],
            "last_name": item["last_name"],
            "job_title": item.get("job_title", ""),
            "metier": metiers[fold(item["metier"])],
            "site": item.get("site", ""),
            "email": item.get("email", ""),
            "phone": item.get("phone", ""),
            "sector_delegate_for": item.get("sector", ""),
            "trained_in_project_management_on": date.fromisoformat(item["trained"]) if item.get("trained") else None,
            "biography": to_rich_text(item.get("biography", "")),
        }
        key = fold(f"{item['first_name']} {item['last_name']}")
        people[key] = Person.objects.filter(folded_name=key).first() or Person.objects.create(**values)
    return people
