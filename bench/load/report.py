"""What the load benchmark concludes from its measures, as pure functions: each page kind's share of the
floor's throughput against its target, the p99 limit, whether cost stays flat as the site grows, the
workers' memory growth; then the tables, docs/benchmarks.md's "Charge" section and the plot."""

import datetime
import math
import re
from dataclasses import dataclass
from pathlib import Path

# Page kinds in the order of the tables: key, label, share of the floor's req/s to reach.
KINDS = [
    ("home", "accueil", 0.35),
    ("news_index", "liste des actualités", 0.35),
    ("news_item", "une actualité", 0.50),
    ("group_index", "liste des groupes", 0.35),
    ("group", "un groupe de travail", 0.50),
    ("case_study", "une étude de cas", 0.50),
    ("approach", "une démarche", 0.50),
    ("agenda", "agenda", 0.35),
    ("dashboard", "tableau de bord", 0.30),
    ("search", "recherche (mot courant)", 0.20),
    ("document", "téléchargement d'un document", None),
    ("rss", "flux RSS", None),
]
LABELS = {key: label for key, label, _target in KINDS} | {"floor": "plancher (vue connectée triviale)"}
TARGETS = {key: target for key, _label, target in KINDS}
P99_LIMIT_MS = 250.0
# "Flat": at the largest size, at least this share of the smallest size's req/s, and no more queries.
FLAT_MIN_RATE_SHARE = 0.8
MEMORY_GROWTH_LIMIT = 0.10
PLOTTED = ["home", "group", "search"]
START, END = "<!-- bench-load:start -->", "<!-- bench-load:end -->"


@dataclass
class Row:
    """One page kind at one size."""

    kind: str
    rate: float
    p50: float
    p95: float
    p99: float
    failures: int
    requests: int
    queries: float | None


def fraction(rate: float, floor_rate: float) -> float:
    """A page kind's throughput as a share of the floor's."""
    return rate / floor_rate if floor_rate > 0 else math.nan


def verdict(passed: bool | None) -> str:
    return "—" if passed is None else ("PASS" if passed else "FAIL")


def meets_target(kind: str, rate: float, floor_rate: float) -> bool | None:
    target = TARGETS.get(kind)
    if target is None:
        return None
    return fraction(rate, floor_rate) >= target


def meets_p99(row: Row) -> bool:
    return row.requests > 0 and row.p99 < P99_LIMIT_MS


def is_flat(smallest: Row, largest: Row) -> bool:
    """Cost flat as the site grows: throughput kept within FLAT_MIN_RATE_SHARE and no query added."""
    rate_kept = smallest.rate <= 0 or largest.rate / smallest.rate >= FLAT_MIN_RATE_SHARE
    queries_kept = smallest.queries is None or largest.queries is None or largest.queries <= smallest.queries
    return rate_kept and queries_kept


def memory_growth(before_kb: int, after_kb: int) -> float:
    return (after_kb - before_kb) / before_kb if before_kb else math.nan


def _number(value: float, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.{digits}f}".replace(",", "\u202f")


def size_table(rows: list[Row]) -> list[str]:
    """The table of one size: the floor first, then each page kind against its target."""
    floor = next(row for row in rows if row.kind == "floor")
    lines = [
        "| page | req/s | part du plancher | objectif | | p50 (ms) | p95 (ms) | p99 (ms) | p99 < 250 ms "
        "| erreurs | requêtes SQL |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for row in rows:
        share = fraction(row.rate, floor.rate)
        target = TARGETS.get(row.kind)
        target_cell = f"≥ {target:.0%}" if target is not None else "—"
        # No response within the run: no latency to show, and the limit is missed.
        latencies = " | ".join(_number(value, 1) if row.requests else "—" for value in (row.p50, row.p95, row.p99))
        lines.append(
            f"| {LABELS[row.kind]} | {_number(row.rate)} | {share:.0%} | {target_cell} | "
            f"{verdict(meets_target(row.kind, row.rate, floor.rate)) if row.kind != 'floor' else '—'} | "
            f"{latencies} | {verdict(meets_p99(row))} | {row.failures} | {_number(row.queries, 1)} |"
        )
    return lines


def flat_table(results: dict[int, list[Row]]) -> list[str]:
    """Smallest against largest size, every kind but search."""
    sizes = sorted(results)
    if len(sizes) < 2:
        return []
    small, large = sizes[0], sizes[-1]
    by_kind = {size: {row.kind: row for row in results[size]} for size in (small, large)}
    lines = [
        f"| page | req/s à {_number(small)} | req/s à {_number(large)} | requêtes SQL | coût constant |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for kind, _label, _target in KINDS:
        if kind == "search" or kind not in by_kind[small] or kind not in by_kind[large]:
            continue
        first, last = by_kind[small][kind], by_kind[large][kind]
        lines.append(
            f"| {LABELS[kind]} | {_number(first.rate)} | {_number(last.rate)} | "
            f"{_number(first.queries, 1)} → {_number(last.queries, 1)} | {verdict(is_flat(first, last))} |"
        )
    return lines


def memory_lines(memory: dict | None) -> list[str]:
    if not memory:
        return ["Mémoire des travailleurs : non mesurée."]
    samples = memory["samples"]
    lines = [f"Mémoire des travailleurs gunicorn ({memory['workers']} travailleurs, {_number(memory['size'])} pages) :"]
    lines.append("")
    lines.append("| requêtes servies | RSS total (Mo) | RSS par travailleur (Mo) |")
    lines.append("| ---: | ---: | --- |")
    for sample in samples:
        each = ", ".join(_number(kb / 1024, 0) for kb in sample["workers_kb"])
        lines.append(f"| {_number(sample['requests'])} | {_number(sample['total_kb'] / 1024, 1)} | {each} |")
    if len(samples) >= 2:
        growth = memory_growth(samples[-2]["total_kb"], samples[-1]["total_kb"])
        lines.append("")
        lines.append(
            f"Croissance entre {_number(samples[-2]['requests'])} et {_number(samples[-1]['requests'])} requêtes : "
            f"{growth:+.1%} (objectif < {MEMORY_GROWTH_LIMIT:.0%}) — {verdict(growth < MEMORY_GROWTH_LIMIT)}"
        )
    return lines


def plot(results: dict[int, list[Row]], path: Path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    colours = {"home": "#1f6f8b", "group": "#2e8540", "search": "#c2571a"}
    sizes = sorted(results)
    for kind in PLOTTED:
        rows = [next((row for row in results[size] if row.kind == kind), None) for size in sizes]
        points = [(size, row) for size, row in zip(sizes, rows, strict=True) if row is not None]
        if not points:
            continue
        xs = [size for size, _row in points]
        axes.plot(xs, [row.p50 for _s, row in points], "o-", color=colours[kind], label=f"{LABELS[kind]} p50")
        axes.plot(xs, [row.p99 for _s, row in points], "s--", color=colours[kind], label=f"{LABELS[kind]} p99")
    axes.axhline(P99_LIMIT_MS, color="#888888", linewidth=0.8, linestyle=":", label="limite p99")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("pages du site")
    axes.set_ylabel("latence sous charge (ms)")
    axes.set_title("Charge : latence selon la taille du site")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)


INTRO = """`make bench` construit un site par taille (le contenu de démonstration, 2 000 comptes répartis entre les
métiers, 10 groupes de travail avec leurs membres, 2 000 documents, puis des pages générées de chaque type jusqu'à la
taille, les actualités datées sur la dernière année), le sert comme en production (gunicorn, réglages de production,
PostgreSQL si `DATABASE_URL` le désigne, SQLite sinon, Redis si `REDIS_URL` est donné) et le charge avec `wrk` au nom
de lecteurs connectés de métiers différents, quelques adresses par type de page. Le plancher est une vue triviale
réservée aux personnes connectées, servie par la même pile de middleware : chaque page est rapportée à son débit.
Les requêtes SQL par page sont lues dans l'en-tête `X-Query-Count` de quelques requêtes à part.
`BENCH_SIZES=1000`, `BENCH_DURATION=5`, `BENCH_CONNECTIONS=8`, `BENCH_QUICK=1` (essai rapide, rien n'est écrit)."""


def record(
    docs: Path, results: dict[int, list[Row]], context: list[str], memory: dict | None, seeds: dict[int, dict]
) -> None:
    """Replace the "Charge" section of docs/benchmarks.md, keeping everything else."""
    body = [START, *context, ""]
    for size in sorted(results):
        seed = seeds.get(size, {})
        counts = seed.get("counts", {})
        body.append(
            f"**{_number(counts.get('pages', size))} pages** ({_number(counts.get('documents', 0))} documents, "
            f"{_number(counts.get('users', 0))} comptes ; site construit en {_number(seed.get('seed_seconds', 0))} s) :"
        )
        body += ["", *size_table(results[size]), ""]
    flat = flat_table(results)
    if flat:
        body += ["Coût selon la taille du site (hors recherche) :", "", *flat, ""]
    body += [*memory_lines(memory), "", "![Latence sous charge selon la taille du site](load-latency.png)", END]
    generated = "\n".join(body)
    text = docs.read_text() if docs.exists() else "# Mesures de performance\n"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _match: generated, text, flags=re.DOTALL)
    else:
        text = text.rstrip("\n") + "\n\n## Charge\n\n" + INTRO + "\n\n" + generated + "\n"
    docs.write_text(text)


MEMORY_CHECKPOINTS = [10000, 50000]


def context_lines(
    machine: str, database: str, cache: str, workers: int, connections: int, seconds: float, memory: list[int]
) -> list[str]:
    today = datetime.date.today().isoformat()
    lines = [
        f"Mesuré le {today} sur {machine}.",
        "",
        f"gunicorn, {workers} travailleurs ; base {database} ; cache {cache} ; wrk, {connections} connexions, "
        f"{_number(seconds)} s par type de page.",
    ]
    if memory != MEMORY_CHECKPOINTS:
        read_at = " et ".join(_number(count) for count in memory)
        lines.append(f"Mémoire lue après {read_at} requêtes (l'objectif porte sur 10 000 et 50 000).")
    return lines
