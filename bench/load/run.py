"""`make bench`: the portal served by gunicorn with the production settings, loaded by wrk page kind by page
kind, on seeded sites of several sizes; prints the tables and records them in docs/benchmarks.md ("Charge")
with docs/load-latency.png.

Each size has its own database (an SQLite file under var/bench/load/, or the PostgreSQL database
bench_load_<size> on the server DATABASE_URL names), seeded once by bench/load/seed.py and reused while the
seeding sources are unchanged. Redis serves as cache when REDIS_URL is set.

Environment: BENCH_SIZES (1000,5000,20000), BENCH_CONNECTIONS (8), BENCH_DURATION (seconds per page kind, 10),
BENCH_WORKERS (gunicorn workers, 2 × cores + 1), BENCH_MEMORY_REQUESTS (10000,50000: when the workers' memory
is read, at the largest size), BENCH_QUICK=1 (one small site, short runs, nothing recorded);
`--reseed` seeds the sites again, `--no-record` leaves the docs alone.
"""

import argparse
import hashlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.search.fingerprint import ROOT
from bench.search.fingerprint import fingerprint as search_fingerprint
from bench.search.run import machine

from . import report, wrk

VAR = ROOT / "var" / "bench" / "load"
DOCS = ROOT / "docs" / "benchmarks.md"
PLOT = ROOT / "docs" / "load-latency.png"
DB_PREFIX = "bench_load_"
# Used only by the servers the bench starts on loopback.
SECRET_KEY = "bench-load-secret-key-used-on-loopback-only-0123456789abcdef"
START_TIMEOUT = 60
QUERY_SAMPLES = 3


def say(message: str = ""):
    print(message, flush=True)


def seed_fingerprint() -> str:
    digest = hashlib.sha256(search_fingerprint().encode())
    digest.update((Path(__file__).with_name("seed.py")).read_bytes())
    return digest.hexdigest()[:16]


# Sites


class Site:
    """One size: its database, its manifest (sessions, URLs, counts) and how to start afresh."""

    def __init__(self, size: int, server_url: str | None):
        self.size = size
        self.server_url = server_url
        self.manifest = VAR / f"site-{size}.json"
        self.marker = VAR / f"site-{size}.seed"
        self.sqlite_file = VAR / f"site-{size}.sqlite3"
        self.database = f"{DB_PREFIX}{size}"

    @property
    def engine(self) -> str:
        return "PostgreSQL" if self.server_url else "SQLite"

    @property
    def url(self) -> str:
        if self.server_url:
            parts = urlsplit(self.server_url)
            return urlunsplit((parts.scheme, parts.netloc, f"/{self.database}", "", ""))
        return f"sqlite:///{self.sqlite_file}"

    def is_current(self) -> bool:
        return self.marker.exists() and self.marker.read_text() == seed_fingerprint() and self._exists()

    def _exists(self) -> bool:
        if not self.server_url:
            return self.sqlite_file.exists()
        return self._admin("SELECT 1 FROM pg_database WHERE datname = %s", [self.database]) is not None

    def _admin(self, statement: str, params=None):
        import psycopg

        parts = urlsplit(self.server_url)
        admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
        with psycopg.connect(admin, autocommit=True) as connection:
            return connection.execute(statement, params).fetchone() if params else connection.execute(statement)

    def reset(self):
        self.marker.unlink(missing_ok=True)
        self.manifest.unlink(missing_ok=True)
        shutil.rmtree(self.media, ignore_errors=True)
        if self.server_url:
            self._admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.database}"')
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_file}{suffix}").unlink(missing_ok=True)

    @property
    def media(self) -> Path:
        return VAR / f"media-{self.size}"

    def environment(self, base: dict[str, str]) -> dict[str, str]:
        # One Redis serves every size: each keeps its own keys, so that no size reads another's pages.
        return {**base, "DATABASE_URL": self.url, "MEDIA_ROOT": str(self.media), "CACHE_KEY_PREFIX": self.database}

    def seed(self, environment: dict[str, str]) -> dict:
        command = [sys.executable, "-m", "bench.load.seed", "--size", str(self.size), "--manifest", str(self.manifest)]
        subprocess.run(command, cwd=ROOT, env=self.environment(environment), check=True)
        self.marker.write_text(seed_fingerprint())
        return json.loads(self.manifest.read_text())


def base_environment() -> dict[str, str]:
    """The production settings on plain HTTP on loopback, with the bench's floor view and query header."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    environment.update(
        DJANGO_SETTINGS_MODULE="bench.load.settings",
        SECRET_KEY=SECRET_KEY,
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PORTAL_VAR_DIR=str(VAR / "site"),
        PYTHONUNBUFFERED="1",
        LOG_LEVEL="WARNING",
    )
    return environment


# Server


class Gunicorn:
    def __init__(self, environment: dict[str, str], workers: int):
        self.environment = environment
        self.workers = workers
        self.port = _free_port()
        self.log = VAR / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(self.workers), "--timeout", "60", "--graceful-timeout", "5"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.environment, stdout=log, stderr=log)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn s'est arrêté au démarrage ; voir {self.log}")
            try:
                status, _headers = get(self.port, "/health/")
                if status == 200 and len(self.worker_pids()) >= self.workers:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn ne répond pas après {START_TIMEOUT} s ; voir {self.log}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def worker_rss_kb(self) -> list[int]:
        """VmRSS of each worker, in kB."""
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]))
        return sizes


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str, cookie: str = "") -> tuple[int, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        response.read()
        return response.status, {key.lower(): value for key, value in response.getheaders()}
    finally:
        connection.close()


# Measures


def query_counts(port: int, manifest: dict) -> tuple[dict[str, float], list[str]]:
    """Mean SQL queries per request of each kind, read on a few requests per URL (sessions in turn); and the
    requests that did not answer 200 (nothing is loaded that does not work)."""
    cookies = [f"{manifest['cookie']}={session['key']}" for session in manifest["sessions"]]
    counts, problems = {}, []
    turn = 0
    for kind, paths in manifest["urls"].items():
        measured = []
        for path in paths:
            cookie = cookies[turn % len(cookies)]
            turn += 1
            # Each worker warms its own caches: the fewest queries of a few requests is the steady cost.
            answers = [get(port, path, cookie) for _ in range(QUERY_SAMPLES)]
            refused = [(status, headers) for status, headers in answers if status != 200]
            for status, headers in refused[:1]:
                problems.append(f"{kind} {path} : {status} {headers.get('location', '')}")
            if not refused:
                measured.append(min(int(headers.get("x-query-count", 0)) for _status, headers in answers))
        counts[kind] = sum(measured) / len(measured) if measured else float("nan")
    return counts, problems


def load(program: str, server: Gunicorn, manifest: dict, kind: str, seconds: float, connections: int):
    paths = manifest["urls"][kind]
    keys = [session["key"] for session in manifest["sessions"]]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", dir=VAR, delete=False) as lua:
        lua.write(wrk.script(paths, manifest["cookie"], keys))
    try:
        return wrk.run(program, server.base_url, Path(lua.name), seconds, connections)
    finally:
        Path(lua.name).unlink(missing_ok=True)


def measure_memory(program, server, manifest, served: int, thresholds: list[int], connections: int) -> dict:
    """Every page kind mixed until each threshold of requests served (counting those already served),
    the workers' RSS read at each."""
    mixed = {**manifest, "urls": {"mixed": [path for paths in manifest["urls"].values() for path in paths]}}
    samples = []
    for threshold in thresholds:
        while served < threshold:
            result = load(program, server, mixed, "mixed", 15, connections)
            served += result.requests
            print(f"\r  mémoire : {served:,} / {threshold:,} requêtes", end="", flush=True)
        workers = server.worker_rss_kb()
        samples.append({"requests": served, "total_kb": sum(workers), "workers_kb": workers})
        say(f"\r  mémoire : {served:,} requêtes, RSS des travailleurs {sum(workers) / 1024:.1f} Mo")
    return {"size": manifest["size"], "workers": server.workers, "samples": samples}


def run_size(site, manifest, environment, options, program, measure_memory_here) -> tuple[list, dict | None]:
    with Gunicorn(site.environment(environment), options.workers) as server:
        counts, problems = query_counts(server.port, manifest)
        for problem in problems:
            say(f"  réponse inattendue : {problem}")
        rows, served = [], 0
        for kind in ["floor", *[key for key, _label, _target in report.KINDS]]:
            result = load(program, server, manifest, kind, options.duration, options.connections)
            served += result.requests
            rows.append(
                report.Row(
                    kind=kind,
                    rate=result.rate,
                    p50=result.p50_ms,
                    p95=result.p95_ms,
                    p99=result.p99_ms,
                    failures=result.failures,
                    requests=result.requests,
                    queries=counts.get(kind),
                )
            )
            say(
                f"  {report.LABELS[kind]} : {result.rate:.0f} req/s, p99 {result.p99_ms:.0f} ms, "
                f"{result.failures} erreur(s), {counts.get(kind, float('nan')):.1f} requêtes SQL"
            )
        memory = None
        if measure_memory_here:
            memory = measure_memory(program, server, manifest, served, options.memory, options.connections)
        return rows, memory


def options_from(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Banc d'essai de charge (gunicorn + wrk).")
    parser.add_argument("--reseed", action="store_true", help="reconstruire les sites")
    parser.add_argument("--no-record", action="store_true", help="ne pas écrire docs/benchmarks.md ni le graphique")
    options = parser.parse_args(argv)
    quick = os.environ.get("BENCH_QUICK") == "1"
    sizes = os.environ.get("BENCH_SIZES") or ("1000" if quick else "1000,5000,20000")
    options.sizes = sorted({int(size) for size in sizes.split(",") if size.strip()})
    options.connections = int(os.environ.get("BENCH_CONNECTIONS", "8"))
    options.duration = float(os.environ.get("BENCH_DURATION") or (3 if quick else 10))
    options.workers = int(os.environ.get("BENCH_WORKERS") or 2 * (os.cpu_count() or 1) + 1)
    memory = os.environ.get("BENCH_MEMORY_REQUESTS") or ("2000,4000" if quick else "10000,50000")
    options.memory = sorted(int(count) for count in memory.split(",") if count.strip())
    options.record = not (quick or options.no_record)
    return options


def main(argv=None):
    options = options_from(argv)
    program = wrk.find_wrk()
    VAR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("DATABASE_URL", "")
    server_url = database_url if database_url.startswith(("postgres://", "postgresql://")) else None
    environment = base_environment()
    cache = "Redis" if os.environ.get("REDIS_URL") else "mémoire locale (pas de REDIS_URL)"
    sizes = ", ".join(f"{size:,}" for size in options.sizes)
    say(f"Sites de {sizes} pages, base {'PostgreSQL' if server_url else 'SQLite'}, cache {cache}.")

    say("Fichiers statiques (collectstatic)…")
    static_env = {**environment, "DATABASE_URL": f"sqlite:///{VAR / 'static.sqlite3'}"}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=static_env, check=True
    )

    results, seeds, memory = {}, {}, None
    for size in options.sizes:
        site = Site(size, server_url)
        reused = not options.reseed and site.is_current()
        say(f"\n{size:,} pages ({site.engine}) : {'site réutilisé' if reused else 'construction du site'}…")
        if not reused:
            site.reset()
        started = time.monotonic()
        manifest = site.seed(environment)
        if not reused:
            say(f"  site construit en {time.monotonic() - started:.0f} s")
        seeds[size] = manifest
        rows, measured = run_size(site, manifest, environment, options, program, size == options.sizes[-1])
        results[size] = rows
        memory = measured or memory
        say("\n" + "\n".join(report.size_table(rows)))

    flat = report.flat_table(results)
    if flat:
        say("\nCoût selon la taille du site (hors recherche) :\n" + "\n".join(flat))
    say("\n" + "\n".join(report.memory_lines(memory)))
    (VAR / "results.json").write_text(
        json.dumps({str(size): [row.__dict__ for row in rows] for size, rows in results.items()}, indent=1)
    )
    if options.record:
        context = report.context_lines(
            machine(),
            "PostgreSQL" if server_url else "SQLite",
            cache,
            options.workers,
            options.connections,
            options.duration,
            options.memory,
        )
        report.plot(results, PLOT)
        report.record(DOCS, results, context, memory, seeds)
        say(f"\nRésultats enregistrés dans {DOCS.relative_to(ROOT)} et {PLOT.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
