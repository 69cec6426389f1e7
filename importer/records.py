"""The import format: one JSON object per line, checked and converted before anything is written.

Every problem is reported with its line number, in French, so that a file can be corrected in one go.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from base.text import title_slug
from events.models import EventKind
from projects.models import GroupStatus, NeedStatus

from . import checks

COMMON_KEYS = ("type", "title", "slug", "date", "summary", "body", "tags", "audiences")
TYPE_KEYS = {
    "case_study": ("client", "situation", "mandate", "intervention", "results"),
    "news": (),
    "approach": ("steps",),
    "working_group": ("pilots", "objectives", "status"),
    "needs_sheet": ("submitted_by", "status", "need"),
    "event": ("end", "kind", "location"),
}
PAGE_TYPES = tuple(TYPE_KEYS)
# Fields the page types cannot do without, besides type and title.
REQUIRED_KEYS = {
    "case_study": ("client", "situation", "mandate", "intervention", "results"),
    "approach": ("summary",),
    "needs_sheet": ("need",),
    "event": ("date",),
}
TYPE_LABELS = {
    "case_study": "une étude de cas",
    "news": "une actualité",
    "approach": "une démarche modélisée",
    "working_group": "un groupe de travail",
    "needs_sheet": "une fiche besoin",
    "event": "un événement",
}


@dataclass(frozen=True)
class RecordError:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.message}" if self.line else self.message


class ImportFailed(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, errors: list[RecordError]):
        super().__init__(f"{len(errors)} erreur(s)")
        self.errors = errors


@dataclass
class Record:
    """One checked line: its page type, title, slug, and the optional keys it gives, converted."""

    line: int
    type: str
    title: str
    slug: str
    values: dict[str, Any] = field(default_factory=dict)


COMMON_CHECKS = {
    "slug": checks.slug_value,
    "date": checks.iso_date,
    "summary": checks.text_value(600),
    "body": checks.text_value(),
    "tags": checks.name_list(100),
    "audiences": checks.name_list(120),
}
TYPE_CHECKS = {
    "case_study": {
        "client": checks.text_value(255, single_line=True),
        "situation": checks.text_value(),
        "mandate": checks.text_value(),
        "intervention": checks.text_value(),
        "results": checks.text_value(),
    },
    "news": {},
    "approach": {"steps": checks.step_list},
    "working_group": {
        "pilots": checks.name_list(200),
        "objectives": checks.text_value(),
        "status": checks.status_value(GroupStatus),
    },
    "needs_sheet": {
        "submitted_by": checks.text_value(200, single_line=True),
        "status": checks.status_value(NeedStatus),
        "need": checks.text_value(),
    },
    "event": {
        "date": checks.moment(checks.DEFAULT_START),
        "end": checks.moment(checks.DEFAULT_END),
        "kind": checks.status_value(EventKind, "type d'événement inconnu"),
        "location": checks.text_value(255, single_line=True),
    },
}


def _title(value: Any) -> str:
    if value is None:
        raise checks.Invalid("titre manquant (clé « title »)")
    if not isinstance(value, str):
        raise checks.Invalid("« title » doit être un texte")
    title = " ".join(value.split())
    if not title:
        raise checks.Invalid("titre vide (clé « title »)")
    if len(title) > 255:
        raise checks.Invalid(f"le titre dépasse 255 caractères ({len(title)})")
    return title


def _checked_values(page_type: str, data: dict, errors: list[str]) -> dict[str, Any]:
    """The optional keys of a record of this type, converted; problems are appended to errors."""
    label = TYPE_LABELS[page_type]
    allowed = COMMON_KEYS + TYPE_KEYS[page_type]
    errors += [
        f"clé inconnue {checks.shown(key)} pour {label} (clés possibles : {', '.join(allowed)})"
        for key in data
        if key not in allowed
    ]
    values: dict[str, Any] = {}
    failed = set()
    for key, check in (COMMON_CHECKS | TYPE_CHECKS[page_type]).items():
        if data.get(key) is None:
            continue
        try:
            values[key] = check(key, data[key])
        except checks.Invalid as problem:
            errors.append(str(problem))
            failed.add(key)
    for key in REQUIRED_KEYS.get(page_type, ()):
        if key not in values and key not in failed:
            errors.append(f"clé « {key} » obligatoire pour {label}")
        elif values.get(key) == "":
            errors.append(f"« {key} » ne peut pas être vide pour {label}")
    start, end = values.get("date"), values.get("end")
    if isinstance(start, datetime) and isinstance(end, datetime) and end < start:
        errors.append("la fin (« end ») précède le début (« date »)")
    return values


def _strings(value: Any) -> Iterator[str]:
    """Every text in a decoded value, keys included, without recursion (the value may be deeply nested)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            yield from (key for key in item if isinstance(key, str))
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def character_errors(data: dict) -> list[str]:
    """Texts that no database could store, by key; checked first, as they cannot even be quoted in a message."""
    errors = []
    for key, value in data.items():
        problem = checks.character_problem(key)
        if problem:
            errors.append(f"nom de clé illisible : {problem}")
            continue
        problem = next(filter(None, map(checks.character_problem, _strings(value))), None)
        if problem:
            errors.append(f"« {key} » : {problem}")
    return errors


def parse_object(line: int, data: Any) -> tuple[Record | None, list[RecordError]]:
    """Check one decoded record; returns the record, or None and every problem found."""
    if not isinstance(data, dict):
        return None, [RecordError(line, "chaque ligne doit être un objet JSON {…}")]
    errors = character_errors(data)
    if errors:
        return None, [RecordError(line, message) for message in errors]
    page_type = data.get("type")
    if page_type is None:
        errors.append("type manquant (clé « type »)")
    elif not isinstance(page_type, str) or page_type not in TYPE_KEYS:
        errors.append(f"type inconnu {checks.shown(page_type)} (types possibles : {', '.join(PAGE_TYPES)})")
        page_type = None
    title = None
    try:
        title = _title(data.get("title"))
    except checks.Invalid as problem:
        errors.append(str(problem))

    values: dict[str, Any] = {}
    if page_type is not None:
        values = _checked_values(page_type, data, errors)

    slug = values.pop("slug", None) or (title_slug(title)[:255].rstrip("-") if title else "")
    if title and not slug:
        errors.append("impossible de tirer un slug de ce titre : ajoutez la clé « slug »")
    if errors:
        return None, [RecordError(line, message) for message in errors]
    return Record(line=line, type=page_type, title=title, slug=slug, values=values), []


def _reject_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = {}
    for key, value in pairs:
        if key in data:
            raise checks.Invalid(f"clé « {key} » répétée")
        data[key] = value
    return data


def parse_line(line: int, text: str) -> tuple[Record | None, list[RecordError]]:
    """Decode and check one line of the file."""
    try:
        data = json.loads(text, object_pairs_hook=_reject_repeated_keys)
    except checks.Invalid as problem:
        return None, [RecordError(line, str(problem))]
    except json.JSONDecodeError as problem:
        return None, [
            RecordError(line, f"JSON invalide (colonne {problem.colno}) : chaque ligne doit être un objet JSON complet")
        ]
    except RecursionError:
        return None, [RecordError(line, "JSON trop imbriqué")]
    except ValueError as problem:
        # Python refuses to convert integers of thousands of digits.
        if "integer string conversion" in str(problem):
            return None, [RecordError(line, "nombre trop long (plus de 4 300 chiffres)")]
        return None, [RecordError(line, "JSON invalide : chaque ligne doit être un objet JSON complet")]
    return parse_object(line, data)


def check_slugs(records: Iterable[Record]) -> list[RecordError]:
    """Two records of the same type may not share a slug: the second would overwrite the first."""
    first_line: dict[tuple[str, str], int] = {}
    errors = []
    for record in records:
        key = (record.type, record.slug)
        if key in first_line:
            errors.append(
                RecordError(
                    record.line,
                    f"le slug « {record.slug} » est déjà celui de la ligne {first_line[key]} (même type de page)",
                )
            )
        else:
            first_line[key] = record.line
    return errors
