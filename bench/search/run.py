"""`make bench-search`: the search benchmark over corpora of several sizes, on SQLite and PostgreSQL.

Each corpus (the demo plus generated pages up to the size) lives in its own database, built once and
reused while its sources are unchanged (bench/search/fingerprint.py); each is measured in a separate
process (bench/search/runner.py). Prints the table, the score per query category and the queries whose
expected answer is not first, then records the results in docs/benchmarks.md and docs/search-latency.png.

Environment: BENCH_SIZES (default 1000,10000,50000), BENCH_ENGINES (sqlite,postgresql), BENCH_REPEATS (3),
BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432), BENCH_REUSE=1 (keep corpora built before their sources
changed); `--rebuild` builds the corpora again.
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from .fingerprint import ROOT, fingerprint
from .metrics import mean, ndcg, percentile, recall, reciprocal_rank

VAR = ROOT / "var" / "bench"
DOCS = ROOT / "docs" / "benchmarks.md"
PLOT = ROOT / "docs" / "search-latency.png"
RESULTS = VAR / "search-results.json"
DB_PREFIX = "bench_search_"
START, END = "<!-- bench-search:start -->", "<!-- bench-search:end -->"
ENGINE_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
TARGETS = {"mrr": 0.95, "recall3": 0.95}
P95_TARGET_MS = {"sqlite": 100, "postgresql": 50}
P95_TARGET_SIZE = 10000
# Per kind of query: what staff type in their own words must still find the page.
CATEGORY_TARGETS = {"paraphrase": 0.50, "sigle ↔ développement": 0.80, "question": 0.85, "récence": 0.85}
# What the search keeps in a worker's memory (thesaurus, vocabulary).
MEMORY_TARGET_MB = 50
CATEGORY_PLOT = ROOT / "docs" / "search-categories.png"


def say(message: str = ""):
    print(message, flush=True)


# Databases


def _postgres_url() -> str:
    return os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def postgres_reachable() -> bool:
    address = urlsplit(_postgres_url())
    try:
        with socket.create_connection((address.hostname or "127.0.0.1", address.port or 5432), timeout=2):
            return True
    except OSError:
        return False


def _postgres_admin(statement: str):
    import psycopg

    with psycopg.connect(f"{_postgres_url()}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _postgres_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{_postgres_url()}/postgres", autocommit=True) as connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


class Corpus:
    """One engine × size: its database, its marker and how to start afresh."""

    def __init__(self, engine: str, size: int):
        self.engine, self.size = engine, size
        self.marker = VAR / f"search-{engine}-{size}.json"
        self.sqlite_file = VAR / f"search-sqlite-{size}.sqlite3"
        self.database = f"{DB_PREFIX}{size}"

    @property
    def url(self) -> str:
        if self.engine == "sqlite":
            return f"sqlite:///{self.sqlite_file}"
        return f"{_postgres_url()}/{self.database}"

    def is_current(self) -> bool:
        if not self.marker.exists():
            return False
        marker = json.loads(self.marker.read_text())
        exists = self.sqlite_file.exists() if self.engine == "sqlite" else _postgres_exists(self.database)
        if not exists or marker.get("size") != self.size:
            return False
        # BENCH_REUSE=1 keeps a corpus built before its sources changed (quicker, possibly stale).
        return marker.get("fingerprint") == fingerprint() or os.environ.get("BENCH_REUSE") == "1"

    def reset(self):
        self.marker.unlink(missing_ok=True)
        if self.engine == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_file}{suffix}").unlink(missing_ok=True)
        else:
            _postgres_admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            _postgres_admin(f'CREATE DATABASE "{self.database}"')

    def run(self, repeats: int) -> dict:
        output = VAR / f"search-{self.engine}-{self.size}.out.json"
        env = {**os.environ, "DATABASE_URL": self.url, "MEDIA_ROOT": str(VAR / "media")}
        command = [sys.executable, "-m", "bench.search.runner", "--size", str(self.size)]
        command += ["--repeats", str(repeats), "--marker", str(self.marker), "--output", str(output)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        return json.loads(output.read_text())


# Scores


def summarise(outcome: dict) -> dict:
    queries = outcome["queries"]
    latencies = [latency for query in queries for latency in query["latencies_ms"]]
    for query in queries:
        judgments = [item["grade"] for item in query["relevant"]]
        query["rr"] = reciprocal_rank(query["ranking"], 10)
        query["ndcg"] = ndcg(query["ranking"], judgments, 10)
        query["recall3"] = recall(query["ranking"], judgments, 3)
    categories: dict[str, list[float]] = {}
    for query in queries:
        categories.setdefault(query["category"], []).append(query["rr"])
    return {
        "size": outcome["size"],
        "pages": outcome["pages"],
        "records": outcome["records"],
        "build_seconds": outcome["build_seconds"],
        "mrr": mean([query["rr"] for query in queries]),
        "ndcg": mean([query["ndcg"] for query in queries]),
        "recall3": mean([query["recall3"] for query in queries]),
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "categories": {name: mean(values) for name, values in categories.items()},
        "cold_start": outcome.get("cold_start"),
        "failures": [query for query in queries if query["rr"] < 1],
        "slowest": sorted(queries, key=lambda query: -percentile(query["latencies_ms"], 50))[:5],
    }


def growth_exponent(rows: list[dict]) -> float | None:
    """How p50 latency grows with size between the smallest and largest corpus: time ∝ size^exponent."""
    if len(rows) < 2 or rows[0]["p50"] <= 0:
        return None
    first, last = rows[0], rows[-1]
    return math.log(last["p50"] / first["p50"]) / math.log(last["pages"] / first["pages"])


# Reports


def table(results: dict[str, list[dict]]) -> list[str]:
    lines = [
        "| base | pages | MRR@10 | nDCG@10 | recall@3 | p50 (ms) | p95 (ms) | construction |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for engine, rows in results.items():
        for row in rows:
            lines.append(
                f"| {ENGINE_LABELS[engine]} | {row['pages']:,} | {row['mrr']:.3f} | {row['ndcg']:.3f} | "
                f"{row['recall3']:.3f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['build_seconds']:.0f} s |".replace(
                    ",", "\u202f"
                )
            )
    return lines


def category_table(results: dict[str, list[dict]]) -> list[str]:
    columns = [(engine, row) for engine, rows in results.items() for row in rows]
    names = list(dict.fromkeys(name for _engine, row in columns for name in row["categories"]))
    header = "| catégorie | " + " | ".join(
        f"{ENGINE_LABELS[e]} {r['pages']:,}".replace(",", "\u202f") for e, r in columns
    )
    lines = [header + " |", "| --- |" + " ---: |" * len(columns)]
    for name in names:
        cells = " | ".join(f"{row['categories'].get(name, math.nan):.2f}" for _engine, row in columns)
        lines.append(f"| {name} | {cells} |")
    return lines


def cold_start_table(results: dict[str, list[dict]]) -> list[str]:
    """What a new worker pays for its first search (thesaurus and vocabulary loaded), and keeps in memory."""
    lines = [
        "| base | pages | première recherche (ms) | recherche suivante (ms) | mémoire gardée (Mo) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for engine, rows in results.items():
        for row in rows:
            cold = row.get("cold_start")
            if cold:
                lines.append(
                    f"| {ENGINE_LABELS[engine]} | {row['pages']:,} | {cold['first_ms']:.0f} | {cold['next_ms']:.0f} | "
                    f"{cold['memory_mb']:.1f} |".replace(",", "\u202f")
                )
    return lines


def failure_lines(row: dict) -> list[str]:
    lines = []
    for query in row["failures"]:
        expected = ", ".join(f"[{item['kind']}] {item['title']}" for item in query["relevant"] if item["grade"] == 2)
        position = next((rank for rank, grade in enumerate(query["ranking"], 1) if grade > 0), None)
        found = f"1er pertinent au rang {position}" if position else "aucun pertinent dans les 10 premiers"
        first = query["hits"][0] if query["hits"] else "(aucun résultat)"
        lines.append(f"- « {query['query']} » ({query['category']}) : {found} ; attendu : {expected}")
        lines.append(f"    en tête : {first}")
    return lines or ["- aucune"]


def verdicts(results: dict[str, list[dict]]) -> list[str]:
    lines = []
    for engine, rows in results.items():
        label = ENGINE_LABELS[engine]
        for row in rows:
            for key, name in (("mrr", "MRR@10"), ("recall3", "recall@3")):
                mark = "atteint" if row[key] >= TARGETS[key] else "manqué"
                lines.append(f"- {label}, {row['pages']:,} pages : {name} {row[key]:.3f} ≥ {TARGETS[key]} — {mark}")
            if row["size"] == P95_TARGET_SIZE:
                limit = P95_TARGET_MS[engine]
                mark = "atteint" if row["p95"] <= limit else "manqué"
                lines.append(f"- {label}, {row['pages']:,} pages : p95 {row['p95']:.1f} ms ≤ {limit} ms — {mark}")
            for name, target in CATEGORY_TARGETS.items():
                if name in row["categories"]:
                    value = row["categories"][name]
                    mark = "atteint" if value >= target else "manqué"
                    lines.append(
                        f"- {label}, {row['pages']:,} pages : MRR@10 « {name} » {value:.2f} ≥ {target} — {mark}"
                    )
            cold = row.get("cold_start")
            if cold:
                mark = "atteint" if cold["memory_mb"] <= MEMORY_TARGET_MB else "manqué"
                lines.append(
                    f"- {label}, {row['pages']:,} pages : mémoire gardée par un travailleur "
                    f"{cold['memory_mb']:.1f} Mo ≤ {MEMORY_TARGET_MB} Mo — {mark}"
                )
        exponent = growth_exponent(rows)
        if exponent is not None:
            mark = "sous-linéaire" if exponent < 1 else "pas sous-linéaire"
            lines.append(f"- {label} : p50 ∝ taille^{exponent:.2f} — {mark}")
    return [line.replace(",", "\u202f") for line in lines]


def machine() -> str:
    cpu = platform.processor() or "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = found.group(1).strip() if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = f", {int(found.group(1)) / 1024 / 1024:.0f} Go de mémoire" if found else ""
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{cpu}, {os.cpu_count()} cœurs{memory} ; {system}"


def plot(results: dict[str, list[dict]]):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    colours = {"sqlite": "#1f6f8b", "postgresql": "#c2571a"}
    for engine, rows in results.items():
        sizes = [row["pages"] for row in rows]
        axes.plot(
            sizes, [row["p50"] for row in rows], "o-", color=colours[engine], label=f"{ENGINE_LABELS[engine]} p50"
        )
        axes.plot(
            sizes, [row["p95"] for row in rows], "s--", color=colours[engine], label=f"{ENGINE_LABELS[engine]} p95"
        )
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("pages dans le corpus")
    axes.set_ylabel("temps de recherche (ms)")
    axes.set_title("Recherche : latence selon la taille du corpus")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    PLOT.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(PLOT)
    plt.close(figure)


def plot_categories(results: dict[str, list[dict]]):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    columns = [(engine, row) for engine, rows in results.items() for row in rows]
    names = list(dict.fromkeys(name for _engine, row in columns for name in row["categories"]))
    figure, axes = plt.subplots(figsize=(8, 4.6), dpi=110)
    width = 0.8 / max(len(columns), 1)
    for index, (engine, row) in enumerate(columns):
        positions = [position + index * width for position in range(len(names))]
        values = [row["categories"].get(name, 0) for name in names]
        axes.bar(positions, values, width, label=f"{ENGINE_LABELS[engine]} {row['pages']:,}".replace(",", "\u202f"))
    axes.set_xticks([position + width * (len(columns) - 1) / 2 for position in range(len(names))])
    axes.set_xticklabels(names, rotation=35, ha="right")
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("MRR@10")
    axes.set_title("Recherche : pertinence par catégorie de requête")
    axes.grid(True, axis="y", alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(CATEGORY_PLOT)
    plt.close(figure)


def record(results: dict[str, list[dict]], query_count: int, repeats: int, notes: list[str]):
    """Replace the generated part of docs/benchmarks.md (its "Recherche" section), keeping the rest."""
    today = datetime.date.today().isoformat()
    largest = {engine: rows[-1] for engine, rows in results.items() if rows}
    body = [
        START,
        f"Mesuré le {today} sur {machine()}.",
        "",
        f"{query_count} requêtes étiquetées (`bench/search/queries.json`), lecteur de démonstration, 10 premiers "
        f"résultats ; latence de `search_site` à chaud, {repeats} passage{'s' if repeats > 1 else ''} par requête.",
        "",
        *table(results),
        "",
        *notes,
        "",
        "![Latence de la recherche selon la taille du corpus](search-latency.png)",
        "",
        "MRR@10 par catégorie de requête :",
        "",
        *category_table(results),
        "",
        "![MRR@10 par catégorie de requête](search-categories.png)",
        "",
        "Démarrage d'un travailleur : sa première recherche charge le thésaurus et le vocabulaire de l'index, "
        "qu'il garde en mémoire pour les suivantes.",
        "",
        *cold_start_table(results),
        "",
        "Objectifs :",
        "",
        *verdicts(results),
    ]
    for engine, row in largest.items():
        body += [
            "",
            f"Requêtes dont la réponse attendue n'est pas la première ({ENGINE_LABELS[engine]}, "
            f"{row['pages']:,} pages) :".replace(",", "\u202f"),
            "",
            *failure_lines(row),
        ]
    body.append(END)
    generated = "\n".join(body)
    text = DOCS.read_text() if DOCS.exists() else "# Mesures de performance\n"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _match: generated, text, flags=re.DOTALL)
    else:
        text = text.rstrip("\n") + "\n\n## Recherche\n\n" + RECHERCHE_INTRO + "\n\n" + generated + "\n"
    DOCS.write_text(text)


RECHERCHE_INTRO = """`make bench-search` construit des corpus (le contenu de démonstration et des pages françaises
générées sur la santé au travail, jusqu'à 1 000, 10 000 et 50 000 pages), passe les requêtes étiquetées par le service
de recherche du portail et mesure la pertinence (MRR@10, nDCG@10, recall@3) et le temps de réponse, sur SQLite et
PostgreSQL. Les corpus sont gardés sous `var/bench/` (et dans les bases PostgreSQL `bench_search_*`) et reconstruits
quand l'analyse, l'indexation, la démonstration ou le générateur changent ; `BENCH_SIZES=1000,10000` choisit les
tailles, `BENCH_ENGINES=sqlite` les bases, `make bench-search ARGS=--rebuild` reconstruit tout."""


def main(argv=None):
    parser = argparse.ArgumentParser(description="Banc d'essai de la recherche.")
    parser.add_argument("--rebuild", action="store_true", help="reconstruire les corpus")
    parser.add_argument("--no-record", action="store_true", help="ne pas écrire docs/benchmarks.md ni le graphique")
    options = parser.parse_args(argv)
    sizes = sorted(int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000,50000").split(",") if size.strip())
    engines = [engine.strip() for engine in os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")]
    repeats = int(os.environ.get("BENCH_REPEATS", "3"))
    VAR.mkdir(parents=True, exist_ok=True)
    notes = []
    if "postgresql" in engines and not postgres_reachable():
        message = f"PostgreSQL injoignable ({urlsplit(_postgres_url()).netloc}) : mesuré sur SQLite seulement."
        say(message)
        notes.append(message)
        engines.remove("postgresql")
    elif "postgresql" in engines:
        say(f"PostgreSQL joignable ({urlsplit(_postgres_url()).netloc}).")

    results: dict[str, list[dict]] = {}
    query_count = 0
    for engine in engines:
        for size in sizes:
            corpus = Corpus(engine, size)
            started = time.monotonic()
            reused = not options.rebuild and corpus.is_current()
            say(f"\n{ENGINE_LABELS[engine]}, {size:,} pages : {'corpus réutilisé' if reused else 'construction'}…")
            if not reused:
                corpus.reset()
            outcome = corpus.run(repeats)
            query_count = len(outcome["queries"])
            row = summarise(outcome)
            results.setdefault(engine, []).append(row)
            say(f"  fait en {time.monotonic() - started:.0f} s : MRR@10 {row['mrr']:.3f}, p95 {row['p95']:.1f} ms")

    say("\n" + "\n".join(table(results)))
    say("\nMRR@10 par catégorie :\n" + "\n".join(category_table(results)))
    for engine, rows in results.items():
        for row in rows:
            say(f"\nRéponse attendue absente du 1er rang — {ENGINE_LABELS[engine]}, {row['pages']:,} pages :")
            say("\n".join(failure_lines(row)))
            slowest = ", ".join(
                f"« {query['query']} » {percentile(query['latencies_ms'], 50):.0f} ms" for query in row["slowest"]
            )
            say(f"  plus lentes (p50) : {slowest}")
    say("\nDémarrage d'un travailleur :\n" + "\n".join(cold_start_table(results)))
    say("\nObjectifs :\n" + "\n".join(verdicts(results)))

    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    if not options.no_record:
        plot(results)
        plot_categories(results)
        record(results, query_count, repeats, notes)
        say(f"\nRésultats enregistrés dans {DOCS.relative_to(ROOT)} et {PLOT.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
