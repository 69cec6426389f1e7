"""The demo directory: the métiers and the people of the service (seed 000's authors among them)."""

from datetime import date
from typing import Any

from django.db import models

from base.text import fold
from importer.markdown import to_rich_text
from people.models import Metier, Person


def save_if_changed(obj: models.Model, values: dict[str, Any]) -> bool:
    """Set the fields and save only if one of them differs (a second demo load saves nothing)."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save()
    return bool(changed)


def ensure_metiers(data: list[dict]) -> dict[str, Metier]:
    """The métiers by folded name, created or brought up to date."""
    metiers = {}
    for position, item in enumerate(data, 1):
        values = {"name": item["name"], "description": item.get("description", ""), "sort_order": position * 10}
        metier = Metier.objects.filter(folded_name=fold(item["name"])).first()
        if metier is None:
            metier = Metier.objects.create(**values)
        else:
            save_if_changed(metier, values)
        metiers[fold(metier.name)] = metier
    return metiers


def ensure_people(data: list[dict], metiers: dict[str, Metier]) -> dict[str, Person]:
    """The directory entries by folded full name, created or brought up to date."""
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
        person = Person.objects.filter(folded_name=key).first()
        if person is None:
            person = Person.objects.create(**values)
        else:
            save_if_changed(person, values)
        people[key] = person
    return people
