"""Under `make run` (SQLite, a threaded runserver and the task worker), two writes at once wait for each other.

Two processes with the development settings (portal.settings.dev) share an SQLite file: the first holds the
write lock for a moment; the second, meanwhile, reads then writes in a transaction, as a request that saves a
form does. A deferred transaction there fails at once ("database is locked") in WAL mode, whatever the busy
timeout: only a transaction that takes the write lock when it begins waits for its turn.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
HOLD_SECONDS = 1

WRITER = f"""
import sys, time
from pathlib import Path

import django

django.setup()
from django.db import connection, transaction

role, folder = sys.argv[1], Path(sys.argv[2])
signal = folder / "first-holds-the-lock"
if role == "second":
    deadline = time.monotonic() + 60
    while not signal.exists():
        if time.monotonic() > deadline:
            sys.exit("the first writer never took the lock")
        time.sleep(0.01)
with transaction.atomic(), connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter")
    (n,) = cursor.fetchone()
    cursor.execute("UPDATE counter SET n = %s", [n + 1])
    if role == "first":
        signal.touch()
        time.sleep({HOLD_SECONDS})
print(role, "wrote")
"""


def _writer(role: str, var_dir: Path) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PORTAL_"))}
    env.pop("DATABASE_URL", None)
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.dev", PORTAL_VAR_DIR=str(var_dir))
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, role, str(var_dir)],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_write_meeting_another_waits_for_it_instead_of_failing(tmp_path):
    database = tmp_path / "portal.sqlite3"  # where the development settings put it under PORTAL_VAR_DIR
    with sqlite3.connect(database) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE counter (n INTEGER NOT NULL)")
        setup.execute("INSERT INTO counter VALUES (0)")
    setup.close()

    writers = [_writer("first", tmp_path), _writer("second", tmp_path)]
    results = []
    try:
        for writer in writers:
            out, err = writer.communicate(timeout=90)
            results.append((writer.returncode, out, err))
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()

    for returncode, out, err in results:
        assert returncode == 0 and out.endswith("wrote\n"), err[-2000:]
    with sqlite3.connect(database) as check:
        assert check.execute("SELECT n FROM counter").fetchone() == (2,)
    check.close()
