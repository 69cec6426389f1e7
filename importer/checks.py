"""Checks of the values of an import record: each returns the converted value or raises Invalid (in French)."""

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from base.text import fold

PARIS = ZoneInfo("Europe/Paris")
# An event given as a date alone starts at 9:00 and, for its end, finishes at 17:00 (Paris time).
DEFAULT_START = time(9, 0)
DEFAULT_END = time(17, 0)

# Dates outside these years are typing mistakes, and some would overflow once converted to UTC
# or moved by a few hours (Python stops at year 9999).
MIN_YEAR = 1900
MAX_YEAR = 2200
# Tabs and line breaks are text; other control characters (NUL first: PostgreSQL refuses it) are not,
# nor halves of UTF-16 pairs (JSON's "\\ud800" escapes), which cannot be encoded at all.
FORBIDDEN_CHARACTER_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
SHOWN_LENGTH = 60

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


@dataclass(frozen=True)
class Step:
    title: str
    body: str = ""


class Invalid(ValueError):
    pass


def _escaped(text: str) -> str:
    """Control characters and line separators written as their escapes (\\r, \\x00…): a message stays one line."""
    return "".join(
        json.dumps(character)[1:-1] if unicodedata.category(character) in ("Cc", "Zl", "Zp") else character
        for character in text
    )


def shown(value: Any) -> str:
    """A value as quoted in a message: « texte », or its JSON form when it is not text; long ones cut."""
    if isinstance(value, str):
        text = value if len(value) <= SHOWN_LENGTH else value[:SHOWN_LENGTH] + "…"
        return f"« {_escaped(text)} »"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):
        text = "(valeur trop complexe pour être citée)"
    return text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH] + "…"


def character_problem(text: str) -> str | None:
    """Why this text cannot be stored (a control character, half of a UTF-16 pair), or None."""
    found = FORBIDDEN_CHARACTER_RE.search(text)
    if found is None:
        return None
    code, position = ord(found.group()), found.start() + 1
    if 0xD800 <= code <= 0xDFFF:
        return f"caractère invalide U+{code:04X} en position {position} (moitié isolée d'une paire UTF-16)"
    what = "caractère nul" if code == 0 else "caractère de contrôle"
    return f"{what} U+{code:04X} en position {position}"


def _in_range(found: date, key: str, value: str) -> None:
    if not MIN_YEAR <= found.year <= MAX_YEAR:
        raise Invalid(f"date hors limites {shown(value)} pour « {key} » (années {MIN_YEAR} à {MAX_YEAR})")


def text_value(max_length: int | None = None, single_line: bool = False) -> Callable[[str, Any], str]:
    def check(key: str, value: Any) -> str:
        if not isinstance(value, str):
            raise Invalid(f"« {key} » doit être un texte")
        value = value.strip()
        if single_line:
            value = " ".join(value.split())
        if max_length and len(value) > max_length:
            raise Invalid(f"« {key} » dépasse {max_length} caractères ({len(value)})")
        return value

    return check


def name_list(max_length: int) -> Callable[[str, Any], list[str]]:
    """A list of names (tags, métiers, people), without blanks or repeats (case and accents ignored)."""

    def check(key: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise Invalid(f'« {key} » doit être une liste de textes, par exemple ["premier", "second"]')
        found, seen = [], set()
        for item in value:
            name = " ".join(item.split())
            if len(name) > max_length:
                raise Invalid(f"« {key} » : « {name[:40]}… » dépasse {max_length} caractères")
            if name and fold(name) not in seen:
                seen.add(fold(name))
                found.append(name)
        return found

    return check


def iso_date(key: str, value: Any) -> date:
    if not isinstance(value, str) or not DATE_RE.match(value.strip()):
        raise Invalid(f"date invalide {shown(value)} pour « {key} » (format attendu : AAAA-MM-JJ)")
    try:
        found = date.fromisoformat(value.strip())
    except ValueError:
        raise Invalid(f"date invalide « {value} » pour « {key} » (ce jour n'existe pas)") from None
    _in_range(found, key, value)
    return found


def moment(default_time: time) -> Callable[[str, Any], datetime]:
    """An event's start or end: a date (at a default hour) or a date and time; Paris time unless an offset is given."""

    def check(key: str, value: Any) -> datetime:
        given = value.strip() if isinstance(value, str) else None
        if given is None or not (DATE_RE.match(given) or DATETIME_RE.match(given)):
            raise Invalid(
                f"date invalide {shown(value)} pour « {key} » (formats attendus : AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)"
            )
        try:
            found = (
                datetime.combine(date.fromisoformat(given), default_time)
                if DATE_RE.match(given)
                else datetime.fromisoformat(given)
            )
        except ValueError:
            raise Invalid(f"date invalide « {value} » pour « {key} » (ce jour ou cette heure n'existe pas)") from None
        _in_range(found, key, value)
        return found if found.tzinfo else found.replace(tzinfo=PARIS)

    return check


def slug_value(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("« slug » doit être un texte non vide")
    value = value.strip()
    if slugify(value) != value or len(value) > 255:
        raise Invalid(
            f"slug invalide « {value} » (minuscules sans accents, chiffres et tirets, 255 caractères au plus)"
        )
    return value


def status_value(choices, what: str = "statut inconnu") -> Callable[[str, Any], str]:
    """A choice given by its code ("active") or its French label ("Actif"), case and accents ignored."""
    accepted = {}
    for value, label in choices.choices:
        accepted[fold(value)] = value
        accepted[fold(str(label))] = value
    labels = ", ".join(str(label).lower() for _, label in choices.choices)

    def check(key: str, value: Any) -> str:
        if isinstance(value, str) and fold(" ".join(value.split())) in accepted:
            return accepted[fold(" ".join(value.split()))]
        raise Invalid(f"{what} {shown(value)} (valeurs possibles : {labels})")

    return check


def step_list(key: str, value: Any) -> list[Step]:
    if not isinstance(value, list):
        raise Invalid('« steps » doit être une liste d\'étapes, par exemple [{"title": "…", "body": "…"}]')
    found = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise Invalid(f'« steps » : l\'étape {number} doit être un objet {{"title": …, "body": …}}')
        unknown = sorted(set(item) - {"title", "body"})
        if unknown:
            raise Invalid(
                f"« steps » : clé inconnue {shown(unknown[0])} dans l'étape {number} (clés possibles : title, body)"
            )
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            raise Invalid(f"« steps » : l'étape {number} n'a pas de titre (« title »)")
        if len(title.strip()) > 200:
            raise Invalid(f"« steps » : le titre de l'étape {number} dépasse 200 caractères")
        body = item.get("body") or ""
        if not isinstance(body, str):
            raise Invalid(f"« steps » : le texte (« body ») de l'étape {number} doit être un texte")
        found.append(Step(title=" ".join(title.split()), body=body.strip()))
    return found
