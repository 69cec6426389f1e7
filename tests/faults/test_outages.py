"""The portal under gunicorn with the production settings, its own PostgreSQL and Redis: signed-in pages
under load never fail; Redis stopping only slows things down; PostgreSQL stopping or freezing gives the French
503 within seconds, and the site comes back by itself once the database does; the task worker outlives a
database restart.

One cluster, one Redis and one gunicorn for the whole module (the tests run in order and put back what
they break). The external search engine falling back to the database: tests/search/test_external_engine.py.
"""

import json
import re
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path

import psycopg
import pytest

from tests.portal_client import PortalClient
from tests.servers import (
    REPO_ROOT,
    ServerUnavailable,
    gunicorn_server,
    manage,
    migrate_and_collect_static,
    postgres_server,
    production_environment,
    redis_server,
)

HERE = Path(__file__).resolve().parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"
LOAD_SECONDS = 60
CONNECTIONS = 32
RECOVERY_SECONDS = 5
# A frozen database costs a request the check of its worker's persistent connection (1 s) and one connection
# attempt (2 s here, 3 s by default), whatever the client timeout (12 s here, the default) for real statements.
FROZEN_ANSWER_SECONDS = 5
WORKERS = 3
# Down long enough for the task worker (polling every second) to meet the outage, not only a broken connection.
WORKER_OUTAGE_SECONDS = 2.5
# From the database's return: the worker's longest wait (5 s), the upload and the reading of the text.
WORKER_RECOVERY_SECONDS = 20

# Their own PostgreSQL and Redis: run once, in the SQLite pass (tests/conftest.py).
pytestmark = pytest.mark.own_servers


class Portal(PortalClient):
    def __init__(self, server, pg, redis, database_url, seed, environment):
        super().__init__(server.port)
        self.server, self.pg, self.redis, self.database_url = server, pg, redis, database_url
        self.environment = environment
        self.urls = seed["urls"]
        self.email, self.password = seed["email"], seed["password"]
        self.session_cookie = ""

    def sign_in(self) -> str:
        """The cookies of the seeded reader's real sign-in through the form."""
        return super().sign_in(self.email, self.password)

    def wait_until_signed_in_page(self, timeout: float) -> float:
        """Seconds until the home page answers 200 to the signed-in reader again."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            try:
                if self.get("/", cookie=self.session_cookie, timeout=timeout)[0] == 200:
                    return time.monotonic() - start
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"the home page still fails {timeout} s later:\n{self.server.read_log()[-3000:]}")


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    if not Path(WRK).exists():
        pytest.fail("wrk is missing: apt-get install -y wrk (make test installs it)")
    folder = tmp_path_factory.mktemp("faults")
    try:
        with postgres_server() as pg, redis_server(folder / "redis") as redis:
            database_url = pg.create_database("portal")
            environment = production_environment(
                DATABASE_URL=database_url,
                REDIS_URL=redis.url,
                # Persistent connections, as in production: a broken one must be dropped, not reused.
                DATABASE_CONN_MAX_AGE="60",
                DATABASE_CONNECT_TIMEOUT="2",
                PORTAL_VAR_DIR=str(folder / "var"),
                MEDIA_ROOT=str(folder / "media"),
                LOG_LEVEL="WARNING",
            )
            migrate_and_collect_static(environment)
            output = manage(environment, "shell", "-c", (HERE / "seed.py").read_text()).stdout
            seed = json.loads(output.split("SEED ", 1)[1])
            with gunicorn_server(environment, folder, workers=WORKERS, timeout=30) as server:
                portal = Portal(server, pg, redis, database_url, seed, environment)
                portal.session_cookie = portal.sign_in()
                yield portal
    except ServerUnavailable as error:
        pytest.fail(str(error))


def run_wrk(portal: Portal, seconds: int) -> tuple[str, dict[int, int]]:
    result = subprocess.run(
        [
            WRK,
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "20s",
            "--script",
            str(HERE / "wrk.lua"),
            portal.server.base_url,
        ],
        env={"SESSION_COOKIE": portal.session_cookie, "URLS": " ".join(portal.urls), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("STATUSES"))
    statuses = {int(code): int(count) for code, count in (item.split("=") for item in line.split()[1:])}
    return result.stdout, statuses


def test_every_page_of_the_mix_is_served_signed_in(portal):
    for url in portal.urls:
        status, _, text = portal.get(url, cookie=portal.session_cookie)
        assert status == 200, f"{url}: {status}"
        assert "Se déconnecter" in text or "Déconnexion" in text or "Mon compte" in text, url


def test_signed_in_pages_under_load_never_fail(portal):
    output, statuses = run_wrk(portal, LOAD_SECONDS)
    assert "Socket errors" not in output, output
    assert "Non-2xx or 3xx responses" not in output, output
    # Only 200: a redirect would mean the session was lost and the load measured the sign-in page.
    assert set(statuses) == {200}, output
    assert sum(statuses.values()) > CONNECTIONS, output


def test_without_redis_pages_and_sign_in_are_served_from_the_database(portal):
    portal.redis.stop()
    try:
        start = time.monotonic()
        for url in portal.urls:
            status, _, text = portal.get(url, cookie=portal.session_cookie)
            assert status == 200, f"{url} answered {status} without Redis"
        # A stopped Redis costs a refused connection, not a timeout per cache call.
        assert time.monotonic() - start < 10
        cookie = portal.sign_in()
        assert portal.get("/", cookie=cookie)[0] == 200
        session_key = re.search(r"sessionid=([^;]+)", cookie).group(1)
        with psycopg.connect(portal.database_url) as connection:
            stored = connection.execute("SELECT count(*) FROM django_session WHERE session_key = %s", [session_key])
            assert stored.fetchone()[0] == 1
    finally:
        portal.redis.start()
    assert portal.get("/", cookie=portal.session_cookie)[0] == 200


def assert_french_503(status, headers, text):
    assert status == 503, text[:2000]
    assert "Service momentanément indisponible" in text
    assert headers["Retry-After"]
    assert "Traceback" not in text and "OperationalError" not in text


def test_database_stopping_under_load_gives_a_french_503_then_recovers(portal):
    load = {}
    thread = threading.Thread(target=lambda: load.update(result=run_wrk(portal, 12)))
    thread.start()
    try:
        time.sleep(3)
        portal.pg.stop()
        assert_french_503(*portal.get("/", cookie=portal.session_cookie))
        assert_french_503(*portal.get(portal.urls[2], cookie=portal.session_cookie))
        for cookie in ("", portal.session_cookie):
            status, headers, text = portal.get("/health/", cookie=cookie)
            assert status == 503, text
            assert json.loads(text) == {"status": "error", "database": "unavailable"}
        status, headers, text = portal.get(
            "/flux/actualites.rss", cookie=portal.session_cookie, headers={"Accept": "application/rss+xml"}
        )
        assert status == 503 and headers["Content-Type"].startswith("text/plain"), text[:500]
        assert "indisponible" in text
        status, headers, text = portal.get("/api/search/?q=sante", cookie=portal.session_cookie)
        assert status == 503 and "indisponible" in json.loads(text)["detail"]
        # The sign-in form needs the database too: a 503, not a 500.
        assert portal.get("/comptes/login/")[0] == 503
        time.sleep(2)
    finally:
        portal.pg.start()
    assert portal.wait_until_signed_in_page(RECOVERY_SECONDS) < RECOVERY_SECONDS
    thread.join()
    output, statuses = load["result"]
    assert "Socket errors" not in output, output
    assert set(statuses) <= {200, 503}, output
    assert statuses.get(503) and statuses.get(200), output
    assert portal.get("/health/")[0] == 200


def _failures_logged(portal) -> str:
    """The timestamped failure lines of gunicorn's log: how many database waits each request went through."""
    return "\n".join(line for line in portal.server.read_log().splitlines() if " ERROR " in line)[-4000:]


def wait_until_idle(portal, timeout: float = 60.0) -> None:
    """Until three signed-in pages in a row answer within a second: nothing left from an earlier load test
    waits in gunicorn's queue, so that the timings below are those of this test's own requests."""
    deadline = time.monotonic() + timeout
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        start = time.monotonic()
        status = portal.get("/", cookie=portal.session_cookie, timeout=timeout)[0]
        quick = quick + 1 if status == 200 and time.monotonic() - start < 1 else 0
    assert quick == 3, "the portal is still busy before the database is frozen:\n" + _failures_logged(portal)


def warm_every_worker(portal, timeout: float = 20.0) -> None:
    """Until each gunicorn worker holds its persistent connection: the frozen server must be met through the
    check of a reused connection, not only through new connections."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(portal.database_url) as connection:
        while time.monotonic() < deadline:
            with ThreadPoolExecutor(WORKERS * 2) as pool:
                list(pool.map(lambda _: portal.get("/health/"), range(WORKERS * 2)))
            held = connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " AND backend_type = 'client backend'"
            ).fetchone()[0]
            if held >= WORKERS:
                return
    raise AssertionError(f"only {held} of {WORKERS} workers hold a connection after {timeout} s")


def test_a_frozen_database_answers_503_within_seconds(portal):
    wait_until_idle(portal)
    warm_every_worker(portal)

    def timed(path):
        start = time.monotonic()
        try:
            answer = portal.get(path, cookie=portal.session_cookie, timeout=40)
        except OSError as error:
            return path, time.monotonic() - start, error
        return path, time.monotonic() - start, answer

    portal.pg.pause()
    try:
        # As many requests at once as there are workers: each sync worker takes one, so every worker meets the
        # frozen server, first through its persistent connection, then through a new connection.
        for paths in (["/", "/health/", "/"], ["/health/", "/", "/health/"]):
            with ThreadPoolExecutor(len(paths)) as pool:
                results = list(pool.map(timed, paths))
            for path, elapsed, answer in results:
                if isinstance(answer, OSError):
                    raise AssertionError(
                        f"{path}: no answer ({answer}) after {elapsed:.1f} s; gunicorn's log:\n"
                        + portal.server.read_log()[-4000:]
                        + "\n"
                        + portal.server.worker_stacks()
                    )
                status, headers, text = answer
                if path == "/health/":
                    assert status == 503, text
                    assert json.loads(text) == {"status": "error", "database": "unavailable"}
                else:
                    assert_french_503(status, headers, text)
                assert elapsed < FROZEN_ANSWER_SECONDS, f"{path}: {elapsed:.1f} s:\n" + _failures_logged(portal)
            print("frozen database, answers in " + ", ".join(f"{path} {elapsed:.1f} s" for path, elapsed, _ in results))
    finally:
        portal.pg.resume()
    assert portal.wait_until_signed_in_page(RECOVERY_SECONDS) < RECOVERY_SECONDS
    assert portal.get("/health/")[0] == 200


UPLOAD = """
from django.core.files.base import ContentFile
from documents.models import PortalDocument

document = PortalDocument.objects.create(title="{title}", file=ContentFile("{text}".encode(), name="note.txt"))
print("DOCUMENT", document.pk)
"""


def upload(portal, title: str, text: str) -> int:
    """A text document created as an upload is: its text is read by a task queued on commit."""
    output = manage(portal.environment, "shell", "-c", UPLOAD.format(title=title, text=text), timeout=60).stdout
    return int(output.split("DOCUMENT", 1)[1].split()[0])


def wait_for_text(portal, document_id: int, timeout: float, worker: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with suppress(psycopg.OperationalError), psycopg.connect(portal.database_url, connect_timeout=2) as connection:
            status, text = connection.execute(
                "SELECT text_status, extracted_text FROM documents_portaldocument WHERE id = %s", [document_id]
            ).fetchone()
            if status == "done":
                return text
        if worker.poll() is not None:
            raise AssertionError(f"the worker exited with status {worker.returncode}:\n{log.read_text()[-4000:]}")
        time.sleep(0.2)
    raise AssertionError(f"document {document_id} unread after {timeout} s; worker's log:\n{log.read_text()[-4000:]}")


def test_the_task_worker_outlives_a_database_restart(portal, tmp_path):
    # Loading the demo queued hundreds of index updates: not this test's tasks, and seconds of work to catch up.
    with psycopg.connect(portal.database_url) as connection:
        connection.execute("DELETE FROM django_tasks_database_dbtaskresult WHERE status = 'READY'")
    log = tmp_path / "worker.log"
    with log.open("wb") as output:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker"],
            cwd=REPO_ROOT,
            env=portal.environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        before = upload(portal, "Avant la panne", "Visite de reprise")
        assert wait_for_text(portal, before, WORKER_RECOVERY_SECONDS, worker, log) == "Visite de reprise"

        portal.pg.stop()
        time.sleep(WORKER_OUTAGE_SECONDS)
        portal.pg.start()
        back = time.monotonic()
        after = upload(portal, "Après la panne", "Étude de poste")
        assert wait_for_text(portal, after, WORKER_RECOVERY_SECONDS, worker, log) == "Étude de poste"
        recovery = time.monotonic() - back

        assert worker.poll() is None, log.read_text()
        lines = log.read_text(errors="replace").splitlines()
        assert len([line for line in lines if "Base de données injoignable" in line]) == 1, "\n".join(lines)
        assert any("de nouveau joignable" in line for line in lines), "\n".join(lines)
        print(f"document uploaded after the restart read {recovery:.1f} s after the database's return")
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
