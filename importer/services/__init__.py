"""Importing a JSON Lines file: every line is checked first, then every page is written in one transaction.

A file with a single bad record imports nothing, and a failure while writing leaves nothing behind.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from wagtail.models import Page

from base.bulk import bulk_publication
from home.services.site_tree import ensure_section

from ..pages import apply_values, create_page, update_page
from ..records import ImportFailed, Record, RecordError, check_slugs, parse_line, parse_object
from ..writers import WRITERS, Resolver, page_values

T = TypeVar("T")
# progress(iterable, description, total) → the same items, reporting progress as they go.
Progress = Callable[[Iterable[T], str, int | None], Iterable[T]]
# extra_values(record, page or None) → more page values than the format carries (see importer.pages).
ExtraValues = Callable[[Record, Page | None], dict[str, Any]]
# SQLite limits the number of parameters of one query.
SLUG_BATCH = 500
UTF8_BOM = b"\xef\xbb\xbf"


def no_progress(iterable: Iterable[T], description: str, total: int | None) -> Iterable[T]:
    return iterable


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number <= 1 else plural}"


@dataclass
class ImportReport:
    records: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Dry run: how many records name a page that already exists.
    existing: int = 0
    dry_run: bool = False
    # (type, slug) → id of the page written for each record.
    page_ids: dict[tuple[str, str], int] = field(default_factory=dict)

    def summary(self) -> str:
        if self.dry_run:
            return (
                f"Fichier valide : {_count(self.records, 'enregistrement', 'enregistrements')}, "
                f"{_count(self.records - self.existing, 'page à créer', 'pages à créer')}, "
                f"{_count(self.existing, 'page existante', 'pages existantes')} (mise à jour si elle diffère). "
                "Rien n'a été écrit."
            )
        text = (
            f"{_count(self.created, 'page créée', 'pages créées')}, "
            f"{_count(self.updated, 'mise à jour', 'mises à jour')}"
        )
        if self.unchanged:
            text += f", {_count(self.unchanged, 'inchangée', 'inchangées')}"
        return text + "."


def _read_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """(line number, text) for each line; text is None for a line that is not UTF-8."""
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            if number == 1 and raw.startswith(UTF8_BOM):
                raw = raw[len(UTF8_BOM) :]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None


def _count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def _checked(records: list[Record], errors: list[RecordError]) -> list[Record]:
    errors = sorted(errors + check_slugs(records), key=lambda error: error.line or 0)
    if errors:
        raise ImportFailed(errors)
    if not records:
        raise ImportFailed([RecordError(None, "Le fichier ne contient aucun enregistrement.")])
    return records


def parse_file(path: str | Path, progress: Progress | None = None) -> list[Record]:
    """Every record of the file, checked; raises ImportFailed listing every problem."""
    path = Path(path)
    if not path.exists():
        raise ImportFailed([RecordError(None, f"Fichier introuvable : {path}")])
    if not path.is_file():
        raise ImportFailed([RecordError(None, f"{path} n'est pas un fichier.")])
    records: list[Record] = []
    errors: list[RecordError] = []
    try:
        total = _count_lines(path) if progress else None
        for line, text in (progress or no_progress)(_read_lines(path), "Vérification", total):
            if text is None:
                errors.append(RecordError(line, "texte illisible : le fichier doit être enregistré en UTF-8"))
                continue
            if not text.strip():
                continue
            record, problems = parse_line(line, text)
            errors += problems
            if record is not None:
                records.append(record)
    except OSError as problem:
        raise ImportFailed([RecordError(None, f"Lecture impossible de {path} : {problem.strerror}")]) from None
    return _checked(records, errors)


def parse_objects(items: Iterable[tuple[int, Any]]) -> list[Record]:
    """Records from already decoded objects, as (line number, object); raises ImportFailed."""
    records: list[Record] = []
    errors: list[RecordError] = []
    for line, data in items:
        record, problems = parse_object(line, data)
        errors += problems
        if record is not None:
            records.append(record)
    return _checked(records, errors)


def _existing_pages(model: type[Page], parent: Page | None, slugs: list[str]) -> dict[str, Page]:
    pages = {}
    for start in range(0, len(slugs), SLUG_BATCH):
        queryset = model.objects.filter(slug__in=slugs[start : start + SLUG_BATCH])
        if parent is not None:
            queryset = queryset.child_of(parent)
        pages.update((page.slug, page) for page in queryset)
    return pages


def _validation_message(problem: ValidationError) -> str:
    if hasattr(problem, "message_dict"):
        return " ; ".join(f"{name} : {' '.join(messages)}" for name, messages in problem.message_dict.items())
    return " ".join(problem.messages)


def _database_message(problem: DatabaseError) -> str:
    detail = str(problem).strip().splitlines()[0][:200] if str(problem).strip() else type(problem).__name__
    return f"la base de données refuse cette page ({detail})"


def _write(
    record: Record,
    page: Page | None,
    section: Page,
    resolver: Resolver,
    extra_values: ExtraValues | None,
    report: ImportReport,
) -> Page:
    """Create or update the record's page, counting what was done in the report."""
    values = page_values(record, page, resolver)
    if extra_values is not None:
        values.update(extra_values(record, page))
    if page is None:
        page = WRITERS[record.type].model(slug=record.slug)
        apply_values(page, values)
        create_page(section, page)
        report.created += 1
    elif update_page(page, values):
        report.updated += 1
    else:
        report.unchanged += 1
    return page


def preview(records: list[Record]) -> ImportReport:
    """What an import would do, without writing anything."""
    report = ImportReport(records=len(records), dry_run=True)
    for page_type in {record.type for record in records}:
        slugs = [record.slug for record in records if record.type == page_type]
        report.existing += len(_existing_pages(WRITERS[page_type].model, None, slugs))
    return report


def import_records(
    records: list[Record], progress: Progress | None = None, extra_values: ExtraValues | None = None
) -> ImportReport:
    """Create or update the page of each record, under its section; all or nothing.

    Records are written in order, so extra_values may refer to the pages of earlier records.
    """
    report = ImportReport(records=len(records))
    resolver = Resolver()
    # An import brings in what was written elsewhere, often long ago: nobody is notified page by page.
    with transaction.atomic(), bulk_publication():
        sections, existing = {}, {}
        for page_type in sorted({record.type for record in records}):
            writer = WRITERS[page_type]
            sections[page_type] = ensure_section(writer.section)
            slugs = [record.slug for record in records if record.type == page_type]
            existing[page_type] = _existing_pages(writer.model, sections[page_type], slugs)
        for record in (progress or no_progress)(records, "Import", len(records)):
            page = existing[record.type].get(record.slug)
            try:
                page = _write(record, page, sections[record.type], resolver, extra_values, report)
            except ValidationError as problem:
                raise ImportFailed([RecordError(record.line, _validation_message(problem))]) from None
            except DatabaseError as problem:
                raise ImportFailed([RecordError(record.line, _database_message(problem))]) from None
            except (ValueError, OverflowError) as problem:
                # A value the checks let through but the page or the database cannot hold.
                raise ImportFailed([RecordError(record.line, f"valeur refusée à l'écriture ({problem})")]) from None
            report.page_ids[(record.type, record.slug)] = page.pk
    return report


def import_file(path: str | Path, *, dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    records = parse_file(path, progress)
    return preview(records) if dry_run else import_records(records, progress)
