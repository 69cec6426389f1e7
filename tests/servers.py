"""Private servers for the tests that stop, break or load them: PostgreSQL, Redis and gunicorn on free ports.

The PostgreSQL and Redis the rest of the suite uses are never touched: each server here lives in its own
temporary folder and port, and is stopped when its context ends.
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tests.gunicorn_diagnostics import STACK_SIGNAL

REPO_ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 30.0


class ServerUnavailable(RuntimeError):
    """A server program is missing from this machine or did not start; the message says which."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = START_TIMEOUT, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServerUnavailable(f"the process on port {port} exited with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise ServerUnavailable(f"nothing answers on port {port} after {timeout:.0f} s")


def _postgres_bin_dir() -> Path:
    # Debian keeps the server programs out of PATH (what is on PATH may be a wrapper script).
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name))
    if versions:
        return versions[-1]
    found = shutil.which("postgres")
    if found:
        return Path(found).parent
    raise ServerUnavailable("PostgreSQL's server programs (initdb, pg_ctl) are not installed")


class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, trust authentication, listening on 127.0.0.1:port.

    PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` system user.
    """

    def __init__(self):
        self.bin = _postgres_bin_dir()
        # Not under pytest's private temporary folders: as root, the `postgres` user must reach this one.
        self.folder = Path(tempfile.mkdtemp(prefix="portal-test-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.log = self.folder / "postgres.log"
        self._as_root = os.geteuid() == 0

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def database_url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=START_TIMEOUT)

    def init(self) -> None:
        if self._as_root:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        result = self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start", check=False
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise ServerUnavailable(f"PostgreSQL did not start: {result.stderr}\n{log}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def pause(self) -> None:
        """Freeze the postmaster and every backend (SIGSTOP): connections hang instead of failing."""
        for pid in self._pids():
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in self._pids():
            os.kill(pid, signal.SIGCONT)

    def _pids(self) -> list[int]:
        pid_file = self.data / "postmaster.pid"
        postmaster = int(pid_file.read_text().splitlines()[0])
        children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
        return [postmaster, *map(int, children)]

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.database_url(name)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.init()
        server.start()
        yield server
    finally:
        with suppress(OSError, ValueError):
            server.resume()
        server.stop("immediate")
        shutil.rmtree(server.folder, ignore_errors=True)


class RedisServer:
    """A redis-server on 127.0.0.1:port that keeps nothing on disk."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        program = shutil.which("redis-server")
        if not program:
            raise ServerUnavailable("redis-server is not installed")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                program,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def redis_server(folder: Path) -> Iterator[RedisServer]:
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def production_environment(**overrides: str) -> dict[str, str]:
    """The environment of a portal served with the production settings on plain HTTP, on loopback."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "SEARCH_", "PYTEST", "PORTAL_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="test-only-secret-key-for-servers-started-by-the-suite-0123456789",
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    environment.update(overrides)
    return environment


def manage(environment: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """`manage.py args…` in the repository with this environment; raises with its output on failure."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def migrate_and_collect_static(environment: dict[str, str]) -> None:
    """A new portal's database and static files; collectstatic needs no database, so it runs beside migrate."""
    static = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=REPO_ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    manage(environment, "migrate", "--noinput")
    if static.wait(timeout=600) != 0:
        raise AssertionError(f"collectstatic failed:\n{static.stderr.read()}")


class GunicornServer:
    """The portal served by gunicorn on 127.0.0.1:port, as in production."""

    def __init__(self, environment: dict[str, str], folder: Path, workers: int = 2, timeout: int = 30):
        self.environment = environment
        self.port = free_port()
        self.log = folder / f"gunicorn-{self.port}.log"
        self.workers = workers
        self.timeout = timeout
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "portal.wsgi",
                    "--config",
                    "python:tests.gunicorn_diagnostics",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(self.workers),
                    "--timeout",
                    str(self.timeout),
                    "--graceful-timeout",
                    "5",
                ],
                cwd=REPO_ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, process=self.process)
        self.wait_until_healthy()

    def wait_until_healthy(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + "/health/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise ServerUnavailable(f"gunicorn is not healthy after {timeout:.0f} s:\n{self.read_log()}")

    def read_log(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def worker_stacks(self) -> str:
        """Where each worker is right now (tests/gunicorn_diagnostics.py), for a request that got no answer."""
        before = len(self.read_log())
        workers = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout
        for pid in map(int, workers.split()):
            with suppress(ProcessLookupError):
                os.kill(pid, STACK_SIGNAL)
        time.sleep(1)
        return f"workers {workers.split()}:\n" + self.read_log()[before:]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def gunicorn_server(environment: dict[str, str], folder: Path, **options) -> Iterator[GunicornServer]:
    server = GunicornServer(environment, folder, **options)
    try:
        server.start()
        yield server
    finally:
        server.stop()
