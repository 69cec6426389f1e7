"""Writing import files and running `import_content` on them."""

import io
import json
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


@dataclass
class Outcome:
    stdout: str
    stderr: str
    failed: bool
    message: str = ""


@pytest.fixture
def jsonl(tmp_path):
    """write(records, name=…) → path of a JSON Lines file; dicts are encoded, strings written as they are."""

    def write(records, name="import.jsonl"):
        path = tmp_path / name
        lines = [record if isinstance(record, str) else json.dumps(record, ensure_ascii=False) for record in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def import_content(db):
    """import_content(path, *options) → Outcome, whether the command succeeded or not."""

    def run(path, *options):
        stdout, stderr = io.StringIO(), io.StringIO()
        try:
            call_command("import_content", str(path), *options, stdout=stdout, stderr=stderr)
        except CommandError as error:
            return Outcome(stdout.getvalue(), stderr.getvalue(), failed=True, message=str(error))
        return Outcome(stdout.getvalue(), stderr.getvalue(), failed=False)

    return run
