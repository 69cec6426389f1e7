"""« Mes données »: everything the registered sections (base.personal_data) hold about one account, as
JSON or as a zip of CSV files, one per section."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from base.personal_data import Row, personal_data_sections


@dataclass
class SectionData:
    key: str
    label: str
    rows: list[Row]


def collect_personal_data(user) -> list[SectionData]:
    """Each registered section's rows for this account: its own data only (each collect filters on it)."""
    if user is None or not user.is_authenticated:
        return []
    return [SectionData(section.key, section.label, section.collect(user)) for section in personal_data_sections()]


def export_name(user, extension: str) -> str:
    return f"mes-donnees-{timezone.localdate():%Y-%m-%d}.{extension}"


def as_json(sections: list[SectionData]) -> bytes:
    document = {
        "exported_at": timezone.now(),
        "sections": {section.key: {"label": section.label, "rows": section.rows} for section in sections},
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


def as_csv(section: SectionData) -> bytes:
    columns: list[str] = []
    for row in section.rows:
        columns.extend(name for name in row if name not in columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in section.rows:
        writer.writerow([_cell(row.get(name)) for name in columns])
    # A byte order mark, so that spreadsheets read the accents right.
    return ("\ufeff" + buffer.getvalue()).encode()


def as_zip(sections: list[SectionData]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            archive.writestr(f"{section.key}.csv", as_csv(section))
    return buffer.getvalue()
