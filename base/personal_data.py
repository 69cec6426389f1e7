"""What the portal holds about a person, section by section: each app registers what it stores (from its
apps.py ready()), and « Mes données » exports every registered section without knowing the apps.

`collect(user)` returns the person's own rows as plain dicts (strings, numbers, booleans, None): nothing
of anybody else, and secrets masked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    label: str
    collect: Callable[[Any], list[Row]]
    order: int = 100


_SECTIONS: dict[str, PersonalDataSection] = {}


def register_personal_data(key: str, label: str, collect: Callable[[Any], list[Row]], *, order: int = 100) -> None:
    """Declare a section of « Mes données ». Registering a key again replaces it (apps.py may run twice)."""
    _SECTIONS[key] = PersonalDataSection(key=key, label=str(label), collect=collect, order=order)


def personal_data_sections() -> list[PersonalDataSection]:
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))


def mask_secret(secret: str, visible: int = 4) -> str:
    """The first characters of a secret, the rest hidden: enough to recognise it, not to use it."""
    if not secret:
        return ""
    return secret[:visible] + "…" + "•" * 8
