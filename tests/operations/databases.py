"""A private, migrated copy of the test database, for commands run in subprocesses (backup, restore, kill).

SQLite: the in-memory test database copied to a file with SQLite's backup API. PostgreSQL: a new database
made from the test database as template, on the same server. Either takes a second, not a migration.
"""

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


@contextmanager
def database_copy(folder: Path) -> Iterator[str]:
    """DATABASE_URL of a copy of the (migrated, empty) test database; removed at the end."""
    if connection.vendor == "sqlite":
        path = folder / "portal.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        with copy:
            connection.connection.backup(copy)
        copy.close()
        yield f"sqlite:///{path}"
        return
    database = connection.settings_dict
    name = f"{database['NAME']}_copy_{uuid.uuid4().hex[:8]}"
    # A template database must have no other session: ours is closed first.
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{database["NAME"]}"')
    user = database.get("USER") or "postgres"
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    try:
        yield f"postgres://{user}{password}@{host}:{port}/{name}"
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
