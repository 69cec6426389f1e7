"""What the load benchmark concludes from its measures (bench/load/report.py): targets against the floor,
the p99 limit, flat cost across sizes, memory growth, and the "Charge" section of docs/benchmarks.md."""

import math

import pytest

from bench.load import report


def row(kind, rate, p99=100.0, queries=8.0, requests=1000):
    return report.Row(
        kind=kind, rate=rate, p50=p99 / 2, p95=p99 * 0.9, p99=p99, failures=0, requests=requests, queries=queries
    )


def test_fraction_of_the_floor_decides_each_kind_against_its_target():
    assert report.fraction(50, 200) == 0.25
    assert math.isnan(report.fraction(50, 0))
    # Content pages need half the floor, home and indexes 35 %, search 20 %.
    assert report.meets_target("news_item", 100, 200) is True
    assert report.meets_target("news_item", 99, 200) is False
    assert report.meets_target("home", 70, 200) is True
    assert report.meets_target("news_index", 69, 200) is False
    assert report.meets_target("search", 40, 200) is True
    assert report.meets_target("rss", 1, 200) is None


def test_p99_limit_fails_when_nothing_answered():
    assert report.meets_p99(row("home", 10, p99=249.0))
    assert not report.meets_p99(row("home", 10, p99=250.0))
    assert not report.meets_p99(row("search", 0, p99=0.0, requests=0))


def test_size_table_prints_pass_and_fail_columns():
    lines = report.size_table([row("floor", 200), row("home", 80), row("group", 60, p99=400.0)])
    assert lines[2].startswith("| plancher")
    home, group = lines[3].split(" | "), lines[4].split(" | ")
    assert home[2:5] == ["40%", "≥ 35%", "PASS"]
    assert group[2:5] == ["30%", "≥ 50%", "FAIL"]
    assert group[8] == "FAIL"  # p99 400 ms


def test_cost_is_flat_unless_throughput_drops_or_queries_grow():
    assert report.is_flat(row("group", 100), row("group", 85))
    assert not report.is_flat(row("group", 100), row("group", 70))
    assert not report.is_flat(row("group", 100, queries=8), row("group", 100, queries=9))


def test_flat_table_leaves_search_out():
    results = {1000: [row("home", 100), row("search", 50)], 20000: [row("home", 90), row("search", 10)]}
    table = "\n".join(report.flat_table(results))
    assert "accueil" in table and "PASS" in table
    assert "recherche" not in table
    assert report.flat_table({1000: results[1000]}) == []


def test_memory_growth_between_the_last_two_samples():
    assert report.memory_growth(1000, 1099) == pytest.approx(0.099)
    memory = {
        "size": 20000,
        "workers": 2,
        "samples": [
            {"requests": 10000, "total_kb": 200 * 1024, "workers_kb": [100 * 1024, 100 * 1024]},
            {"requests": 50000, "total_kb": 230 * 1024, "workers_kb": [115 * 1024, 115 * 1024]},
        ],
    }
    assert report.memory_lines(memory)[-1].endswith("+15.0% (objectif < 10%) — FAIL")


def test_record_replaces_its_section_and_keeps_the_search_one(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Mesures\n\n## Recherche\n\n<!-- bench-search:start -->\nMRR 0.97\n<!-- bench-search:end -->\n")
    results = {1000: [row("floor", 200), row("home", 80)]}
    seeds = {1000: {"seed_seconds": 95, "counts": {"pages": 1000, "documents": 2009, "users": 2000}}}
    report.record(docs, results, ["Mesuré le 2025-01-01."], None, seeds)
    report.record(docs, results, ["Mesuré le 2025-01-02."], None, seeds)

    text = docs.read_text()
    assert text.count("## Charge") == 1
    assert "Mesuré le 2025-01-02." in text and "2025-01-01" not in text
    assert "MRR 0.97" in text
    assert "construit en 95 s" in text


def test_plot_writes_a_png(tmp_path):
    results = {size: [row("home", 80), row("group", 60), row("search", 20, p99=300)] for size in (1000, 5000)}
    report.plot(results, tmp_path / "load.png")
    assert (tmp_path / "load.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_context_says_when_memory_was_read_elsewhere_than_the_target_checkpoints():
    def lines(memory):
        return report.context_lines("AMD EPYC, 2 cœurs", "SQLite", "Redis", 5, 8, 10, memory)

    assert not any("Mémoire lue" in line for line in lines([10000, 50000]))
    assert (
        lines([1000, 2000])[-1]
        == "Mémoire lue après 1\u202f000 et 2\u202f000 requêtes (l'objectif porte sur 10 000 et 50 000)."
    )
