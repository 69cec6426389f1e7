"""Running a test identity provider in its own process until it prints `READY <base url>`."""

import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
STOP_TIMEOUT = 5.0


class IdentityProviderError(RuntimeError):
    """The identity provider did not start; the message carries its stderr."""


@dataclass(frozen=True)
class RunningProcess:
    base_url: str
    log_path: Path  # the provider's stderr: warnings, request errors with tracebacks

    def read_log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def run_until_ready(
    module: str, args: list[str], *, timeout: float, env: dict | None = None
) -> Iterator[RunningProcess]:
    """`python -m module args…` from the repository root; yields once it is ready, stops it on exit."""
    command = [sys.executable, "-m", module, *args]
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    with tempfile.TemporaryDirectory(prefix="idp-log-") as log_dir:
        log_path = Path(log_dir) / "stderr.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        lines: queue.Queue[str | None] = queue.Queue()
        # Drain stdout to its end, so the provider never blocks on a full pipe.
        reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
        reader.start()
        try:
            yield RunningProcess(_wait_until_ready(module, process, lines, log_path, timeout), log_path)
        finally:
            _stop(process)
            reader.join(timeout=STOP_TIMEOUT)
            process.stdout.close()


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _wait_until_ready(module: str, process, lines: queue.Queue, log_path: Path, timeout: float) -> str:
    try:
        line = lines.get(timeout=timeout)
    except queue.Empty:
        problem = f"is not ready after {timeout:.0f} s"
    else:
        if line and line.startswith("READY "):
            return line.split(maxsplit=1)[1].strip()
        problem = f"printed {line!r} instead of READY" if line else "exited before it was ready"
    _stop(process)
    stderr = log_path.read_text(encoding="utf-8", errors="replace").strip()
    raise IdentityProviderError(
        f"{module} {problem} (exit status {process.returncode}).\n{stderr or '(nothing on stderr)'}"
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
