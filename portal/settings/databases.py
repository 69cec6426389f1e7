"""The database of a running portal: DATABASE_URL's, or an SQLite file under var/ without it."""

from pathlib import Path

import dj_database_url

from .env import env_int
from .resilience import resilient

SQLITE_ENGINE = "django.db.backends.sqlite3"


def database_from_environment(default_sqlite_file: Path) -> dict:
    """DATABASES["default"]: DATABASE_URL's database (else `default_sqlite_file`), kept open
    DATABASE_CONN_MAX_AGE seconds, with the limits of resilience.py on PostgreSQL."""
    database = dj_database_url.config(
        default=f"sqlite:///{default_sqlite_file}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
    if database["ENGINE"] == SQLITE_ENGINE:
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets the live server and the browser read while a request writes; with WAL, synchronous=NORMAL
        # keeps the file consistent and spares an fsync per commit (migrations and the demo load run faster).
        # Writers (runserver's threads, the task worker) queue for the single write lock: a transaction takes it
        # when it begins (IMMEDIATE), since a deferred one that has read fails at once in WAL mode when another
        # writer holds it, and waits up to `timeout` seconds for it instead of answering "database is locked".
        database.setdefault("OPTIONS", {}).update(
            init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            transaction_mode="IMMEDIATE",
            timeout=10,
        )
    return resilient(database)
