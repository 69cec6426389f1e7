"""One corpus on one database: build it if needed, then run the labelled queries through the portal's
search service and write each query's ranking and timings as JSON.

Started by bench/search/run.py with DATABASE_URL and MEDIA_ROOT set for the corpus:
    python -m bench.search.runner --size 1000 --output result.json
"""

import argparse
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

# Documents' text and the index are written while the corpus is built, not left to a worker.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from accounts.models import User  # noqa: E402
from demo.loader import load_demo  # noqa: E402
from search.models import IndexedWord, SearchRecord  # noqa: E402
from search.services.results import hits  # noqa: E402
from search.services.site_search import search_site  # noqa: E402
from search.services.thesaurus import forget_loaded_thesaurus  # noqa: E402
from search.services.vocabulary import forget_loaded_vocabulary  # noqa: E402

from . import corpus  # noqa: E402
from .fingerprint import fingerprint  # noqa: E402

# The demo's reader account: results are those a plain reader may see.
READER_EMAIL = "lecteur@example.org"
TOP = 10


def log(message: str):
    print(message, file=sys.stderr, flush=True)


def build(size: int) -> float:
    """Bring the database to the corpus of `size` pages; returns the seconds spent."""
    started = time.monotonic()
    corpus.check_reserved()
    call_command("migrate", verbosity=0, interactive=False)
    if not User.objects.filter(email=READER_EMAIL).exists():
        log("  Contenu de démonstration…")
        load_demo(log=lambda message: log(f"    {message}"))
    corpus.generate(size, log=log)
    return time.monotonic() - started


def settle() -> None:
    """Update the planner's statistics, as a database in service keeps them (autovacuum, `ANALYZE`):
    measured right after a bulk build, PostgreSQL plans the full-text queries without them, three times
    slower."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _ranking(top_hits, judgments: list[dict]) -> tuple[list[int], list[str]]:
    """The grades of the top hits (a target already met counts once) and what each hit is."""
    grades = {(item["kind"], item["title"]): item["grade"] for item in judgments}
    seen, ranking, shown = set(), [], []
    for hit in top_hits:
        key = (hit.kind, hit.title)
        ranking.append(grades.get(key, 0) if key not in seen else 0)
        seen.add(key)
        shown.append(f"[{hit.kind}] {hit.title}")
    return ranking, shown


def cold_start(query: str) -> dict:
    """What a new worker pays for its first search: the thesaurus and the index's vocabulary loaded into
    memory (kept for the next searches) and the time that takes. Memory is what Python still holds once
    they are loaded again under tracemalloc, not the process' size, which the allocator rounds."""
    reader = User.objects.get(email=READER_EMAIL)
    started = time.perf_counter()
    search_site(reader, query)
    first_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    search_site(reader, query)
    next_ms = (time.perf_counter() - started) * 1000
    forget_loaded_thesaurus()
    forget_loaded_vocabulary()
    tracemalloc.start()
    search_site(reader, query)
    kept_bytes, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"first_ms": first_ms, "next_ms": next_ms, "memory_mb": kept_bytes / 2**20}


def measure(queries: list[dict], repeats: int) -> list[dict]:
    reader = User.objects.get(email=READER_EMAIL)
    results = []
    for query in queries:
        outcome = search_site(reader, query["query"])  # warm: caches, vocabulary, thesaurus
        top_hits = hits(outcome.items[:TOP], outcome.query)
        ranking, shown = _ranking(top_hits, query["relevant"])
        results.append(
            {
                **query,
                "ranking": ranking,
                "hits": shown,
                "count": outcome.count,
                "suggestion": outcome.suggestion,
                "latencies_ms": [],
            }
        )
    # Rounds over the whole set, so that no query is timed twice in a row.
    for _round in range(repeats):
        for query, result in zip(queries, results, strict=True):
            started = time.perf_counter()
            search_site(reader, query["query"])
            result["latencies_ms"].append((time.perf_counter() - started) * 1000)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--marker", type=Path, help="written once the corpus is built: its size and fingerprint")
    options = parser.parse_args(argv)
    marker = json.loads(options.marker.read_text()) if options.marker and options.marker.exists() else {}
    build_seconds = build(options.size)
    if marker.get("size") == options.size and "build_seconds" in marker:
        build_seconds = marker["build_seconds"]  # reused: the time it took to build it
    elif options.marker:
        options.marker.write_text(
            json.dumps({"size": options.size, "fingerprint": fingerprint(), "build_seconds": build_seconds})
        )
    outcome = {
        "size": options.size,
        "pages": corpus.page_count(),
        "records": SearchRecord.objects.count(),
        "words": IndexedWord.objects.count(),
        "build_seconds": build_seconds,
        "queries": [],
    }
    if not options.build_only:
        log("  Statistiques du planificateur (ANALYZE)…")
        settle()
        queries = json.loads(corpus.QUERIES_FILE.read_text())["queries"]
        outcome["cold_start"] = cold_start(queries[0]["query"])
        log(f"  {len(queries)} requêtes × {options.repeats} passages…")
        outcome["queries"] = measure(queries, options.repeats)
    options.output.write_text(json.dumps(outcome, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
