"""Property-based: whatever a file holds, `import_content` answers in French, line by line, and never half-writes.

Hypothesis writes files of a few lines mixing valid records and hostile ones: NUL and other control
characters, halves of UTF-16 pairs, dates beyond what Python or PostgreSQL can hold, wrong types, huge
numbers, unknown keys and types, bytes that are not UTF-8, cut JSON. Either every record becomes a page,
or the command fails, lists its problems as "ligne N : …" and the database is exactly as it was.
"""

import io
import json
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.models import Page, Revision

from importer.records import COMMON_KEYS, TYPE_KEYS
from people.models import Metier, Person
from search.models import SearchRecord

ERROR_LINE_RE = re.compile(r"^ligne (\d+) : \S")
# What the command may say besides "ligne N : …" (the count of hidden errors, an empty file).
GLOBAL_MESSAGES = ("… et ", "Le fichier ne contient aucun enregistrement.")
# Words of Python's own messages: none may reach the person running the command.
TRACEBACK_WORDS = ("Traceback", "Error:", "Exception", 'File "')

HOSTILE_TEXTS = ["a\x00b", "\ud800", "fin\udfff", "\x1b[31mrouge", "\x7f", "\x85", "tab\x08"]
HOSTILE_DATES = ["0001-01-01", "9999-12-31", "9999-12-31T23:30-05:00", "0001-01-01T00:10+01:00", "1899-12-31"]
HOSTILE_NUMBERS = [10**30, -(2**63) - 1, 1e308, float("inf"), float("nan"), -1, True]

KNOWN_KEYS = set(COMMON_KEYS).union(*TYPE_KEYS.values())
TYPE_FIELDS = {
    "news": {},
    "event": {"date": "2026-06-01"},
    "working_group": {},
    "needs_sheet": {"need": "Un besoin."},
    "approach": {"summary": "Pour quoi faire."},
    "case_study": {"client": "C", "situation": "S", "mandate": "M", "intervention": "I", "results": "R"},
}

plain_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from("\t\n "),
    max_size=30,
)
any_text = st.text(alphabet=st.characters(), max_size=30)  # surrogates and control characters included
title = st.one_of(
    st.builds(str.__add__, st.sampled_from(["Titre ", "Étude ", "x"]), plain_text),
    st.sampled_from(["Étude « spéciale »", "日本", "  espaces  "]),
)
hostile_value = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.sampled_from(HOSTILE_NUMBERS),
    st.lists(st.integers(), min_size=1, max_size=2),
    st.just({"x": 1}),
)
date_text = st.one_of(
    st.dates().map(str),
    st.sampled_from(HOSTILE_DATES),
    st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes") + "+14:00"),
)


@st.composite
def records(draw):
    """(object, hostile): a record, valid unless hostile is True (then the import must refuse its line)."""
    page_type = draw(st.sampled_from(sorted(TYPE_FIELDS)))
    record = {"type": page_type, "title": draw(title), **TYPE_FIELDS[page_type]}
    if draw(st.booleans()):
        record["summary"] = draw(plain_text)
    if draw(st.booleans()):
        record["tags"] = draw(st.lists(plain_text, max_size=3))
    if draw(st.booleans()):
        record["audiences"] = draw(st.lists(st.sampled_from(["Médecin", "Infirmier", "IPRP"]), max_size=2))
    if page_type in ("news", "event") and draw(st.booleans()):
        record["date"] = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2199, 12, 31))).isoformat()
    hostile = draw(st.integers(0, 3)) == 0
    if hostile:
        kind = draw(st.sampled_from(["value", "date", "text", "key", "type"]))
        if kind == "value":
            record[draw(st.sampled_from(["title", "summary", "tags", "body"]))] = draw(hostile_value)
        elif kind == "date":
            record["date"] = draw(st.sampled_from(HOSTILE_DATES))
        elif kind == "text":
            key = draw(st.sampled_from(["title", "summary", "body"]))
            record[key] = draw(plain_text) + draw(st.sampled_from(HOSTILE_TEXTS)) + draw(plain_text)
        elif kind == "key":
            record[draw(any_text.filter(lambda key: key not in KNOWN_KEYS))] = "valeur"
        else:
            record["type"] = draw(
                st.one_of(any_text, hostile_value).filter(
                    lambda value: not isinstance(value, str) or value not in TYPE_FIELDS
                )
            )
    return record, hostile


def _encoded(record) -> bytes:
    # ensure_ascii writes halves of UTF-16 pairs as \\ud800 escapes, as a real exporter would.
    return json.dumps(record, ensure_ascii=True).encode("ascii")


raw_lines = st.sampled_from(
    [
        b'{"type": "news", "title": "coup',
        b'{"type": "news", "title": "x", "summary": ' + b"9" * 5000 + b"}",
        b'{"type": "news", "title": "\xff\xfe latin"}',
        b"[" * 5000 + b"]" * 5000,
        b'{"type": "news", "title": "x", "title": "y"}',
        b"null",
        b'"texte"',
    ]
)


@st.composite
def files(draw):
    """(bytes of a JSON Lines file, {line number: hostile?}) with one to four lines."""
    lines, expected = [], {}
    for number in range(1, draw(st.integers(1, 4)) + 1):
        if draw(st.integers(0, 7)) == 0:
            lines.append(draw(raw_lines))
            expected[number] = True
        else:
            record, hostile = draw(records())
            lines.append(_encoded(record))
            expected[number] = hostile
    return b"\n".join(lines) + b"\n", expected


def _state():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Metier.objects.count(),
        Person.objects.count(),
        Tag.objects.count(),
        SearchRecord.objects.count(),
    )


def _run(path, *options):
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_content", str(path), *options, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return False, stdout.getvalue(), stderr.getvalue(), str(error)
    return True, stdout.getvalue(), stderr.getvalue(), ""


def _check_outcome(content: bytes, expected: dict[int, bool], outcome, before, after) -> None:
    succeeded, stdout, stderr, message = outcome
    for text in (stdout, stderr, message):
        text.encode("utf-8")  # nothing unprintable echoed back
        assert not any(word in text for word in TRACEBACK_WORDS), text
    if any(expected.values()):
        assert not succeeded, f"{content!r} was accepted"
    if succeeded:
        assert stderr == ""
        return
    assert message.startswith("Aucune page importée : ")
    reported = set()
    for line in stderr.splitlines():
        found = ERROR_LINE_RE.match(line)
        assert found or line.startswith(GLOBAL_MESSAGES), line
        if found:
            reported.add(int(found.group(1)))
    assert reported <= set(expected)
    # Every hostile line is named (duplicate slugs or write refusals may name valid ones too).
    assert {number for number, hostile in expected.items() if hostile} <= reported
    assert after == before, "a refused file changed the database"


@pytest.fixture
def import_file(tmp_path):
    def write(content: bytes):
        path = tmp_path / "import.jsonl"
        path.write_bytes(content)
        return path

    return write


@pytest.mark.django_db
@settings(max_examples=500, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=files())
# Found once: a key holding a carriage return was echoed as is and split its message in two lines.
@example(file=(b'{"type": "approach", "title": "Titre ", "summary": "Pour quoi faire.", "\\r": "valeur"}\n', {1: True}))
def test_checking_any_file_answers_in_french_line_by_line(import_file, file):
    content, expected = file
    before = _state()

    outcome = _run(import_file(content), "--dry-run")

    _check_outcome(content, expected, outcome, before, _state())


@pytest.mark.django_db
@settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=files())
def test_importing_any_file_writes_all_of_it_or_nothing(import_file, file):
    content, expected = file
    with transaction.atomic():
        before = _state()

        outcome = _run(import_file(content))

        _check_outcome(content, expected, outcome, before, _state())
        if outcome[0]:
            assert "page" in outcome[1]
            assert _state()[0] > before[0]
        transaction.set_rollback(True)  # the next example starts from the same site
