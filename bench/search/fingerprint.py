"""What a built corpus depends on: when any of these files changes, the corpus is built again."""

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    "bench/search/corpus.py",
    "search/analysis.py",
    "search/records.py",
    "search/declarations.py",
    "search/indexing.py",
    "search/backends/*.py",
    "search/migrations/*.py",
    # The glossaries seed the thesaurus when the corpus' database is migrated.
    "search/glossaries/*.tsv",
    "demo/*.py",
    "demo/data/**/*.json*",
]


def fingerprint() -> str:
    digest = hashlib.sha256()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
