"""Backing up and restoring the site: the database and the uploaded files in one .tar.gz archive.

The archive holds `manifest.json` (date, database engine, counts, applied migrations), the database
(`database.sqlite3`, a copy made with SQLite's online backup API, or `database.pgdump`, made by
`pg_dump --format=custom`) and `media/`, a copy of MEDIA_ROOT. Uploaded files kept on object storage
are not copied: the bucket's own versioning backs them up (docs/deployment.md).

The search index lives in the database (SQLite FTS5 or PostgreSQL tables), so a restored database
comes with the index that matches it; an external engine (SEARCH_URL) is rebuilt with `update_index`.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_FOLDER = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# SQLite copies this many pages at a time, so that other connections keep working during a backup.
SQLITE_PAGES_PER_STEP = 1024
# pg_dump and pg_restore on a site of a few gigabytes: minutes, not hours.
POSTGRES_TOOL_TIMEOUT = 3 * 60 * 60

# report(message): one line of progress, in French.
Report = Callable[[str], None]


class OperationFailed(Exception):
    """The backup or restore cannot be done; the message says why, in French."""


def _nothing(message: str) -> None:
    pass


@dataclass
class BackupResult:
    path: Path
    manifest: dict


def engine() -> str:
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise OperationFailed(f"Base de données {vendor} non prise en charge (SQLite ou PostgreSQL seulement).")
    return vendor


def media_on_local_disk() -> bool:
    return isinstance(default_storage, FileSystemStorage)


def site_counts() -> dict[str, int]:
    """What a person checks after a restore: pages, documents, images, accounts."""
    return {
        "pages": Page.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "comptes": get_user_model().objects.count(),
    }


def _applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def default_output() -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"portal-{stamp}.tar.gz"


# --- database copies -------------------------------------------------------------------------------


def _postgres_environment() -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore, and the environment carrying the password."""
    database = connection.settings_dict
    options = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        options += ["--host", database["HOST"]]
    if database.get("PORT"):
        options += ["--port", str(database["PORT"])]
    if database.get("USER"):
        options += ["--username", database["USER"]]
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    sslmode = database.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        environment["PGSSLMODE"] = sslmode
    return options, environment


def _run_postgres_tool(program: str, arguments: list[str]) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise OperationFailed(
            f"{program} est introuvable : installez les outils clients de PostgreSQL "
            "(paquet postgresql-client, de la version du serveur ou plus récente)."
        )
    options, environment = _postgres_environment()
    try:
        result = subprocess.run(
            [executable, *arguments, *options],
            env=environment,
            capture_output=True,
            text=True,
            timeout=POSTGRES_TOOL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OperationFailed(f"{program} n'a pas fini en {POSTGRES_TOOL_TIMEOUT // 3600} h : abandon.") from None
    if result.returncode != 0:
        detail = result.stderr.strip() or result.stdout.strip()
        raise OperationFailed(f"{program} a échoué (code {result.returncode}) :\n{detail}")


def _sqlite_progress(report: Report, what: str):
    shown = {"percent": -1}

    def progress(status, remaining, total):
        percent = 100 if not total else int(100 * (total - remaining) / total)
        if percent // 25 != shown["percent"] // 25:
            shown["percent"] = percent
            report(f"  {what} : {percent} %")

    return progress


def dump_database(target: Path, report: Report) -> None:
    if engine() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            with copy:
                connection.connection.backup(
                    copy, pages=SQLITE_PAGES_PER_STEP, progress=_sqlite_progress(report, "copie de la base")
                )
        finally:
            copy.close()
    else:
        _run_postgres_tool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", str(target)])


def load_database(source: Path, report: Report) -> None:
    if engine() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(source)
        try:
            copy.backup(connection.connection, pages=SQLITE_PAGES_PER_STEP, progress=_sqlite_progress(report, "base"))
        finally:
            copy.close()
    else:
        # pg_restore works on its own connections: ours must not hold locks on the tables it replaces.
        connection.close()
        _run_postgres_tool(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                str(source),
            ],
        )


# --- archives --------------------------------------------------------------------------------------


def backup_site(output: Path | None = None, report: Report = _nothing) -> BackupResult:
    """Write the archive; it appears under its name only once complete."""
    output = Path(output) if output else default_output()
    if output.is_dir():
        raise OperationFailed(f"{output} est un dossier : donnez le nom du fichier à créer (….tar.gz).")
    output.parent.mkdir(parents=True, exist_ok=True)
    vendor = engine()
    media_root = Path(settings.MEDIA_ROOT)
    local_media = media_on_local_disk()
    files = _media_files(media_root) if local_media else []
    manifest = {
        "format": FORMAT_VERSION,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "moteur": vendor,
        "contenu": site_counts(),
        "fichiers": {
            "stockage": "local" if local_media else "objet",
            "nombre": len(files),
            "octets": sum(path.stat().st_size for path in files),
        },
        "migrations": _applied_migrations(),
    }
    report(f"Sauvegarde de la base {ENGINE_NAMES[vendor]}…")
    partial = output.with_name(output.name + ".partiel")
    with tempfile.TemporaryDirectory(prefix="portal-backup-", dir=output.parent) as folder:
        database_file = Path(folder) / DATABASE_FILES[vendor]
        dump_database(database_file, report)
        try:
            with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
                _add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
                archive.add(database_file, arcname=database_file.name)
                if not local_media:
                    report("Fichiers sur stockage objet : non copiés (sauvegardés par le versionnage du compartiment).")
                for number, path in enumerate(files, 1):
                    archive.add(path, arcname=f"{MEDIA_FOLDER}/{path.relative_to(media_root).as_posix()}")
                    if number == len(files) or number % 200 == 0:
                        report(f"  fichiers : {number}/{len(files)}")
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    return BackupResult(output, manifest)


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(content))


def read_manifest(path: Path) -> dict:
    """The archive's manifest; raises OperationFailed when the file is not a backup of this portal."""
    path = Path(path)
    if not path.is_file():
        raise OperationFailed(f"Archive introuvable : {path}")
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            manifest = json.load(member) if member else None
    except KeyError:
        raise OperationFailed(f"{path} n'est pas une sauvegarde du portail (pas de {MANIFEST}).") from None
    except (tarfile.TarError, OSError, EOFError) as problem:
        raise OperationFailed(f"{path} est illisible ou incomplet ({problem}).") from None
    except ValueError:
        raise OperationFailed(f"{path} : {MANIFEST} est illisible.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise OperationFailed(f"{path} : version d'archive inconnue.")
    return manifest


def check_restorable(manifest: dict) -> None:
    vendor = engine()
    if manifest.get("moteur") != vendor:
        saved = ENGINE_NAMES.get(manifest.get("moteur"), str(manifest.get("moteur")))
        raise OperationFailed(
            f"Cette sauvegarde vient d'une base {saved} ; la base configurée est {ENGINE_NAMES[vendor]}. "
            "Restaurez-la sur le même type de base."
        )


def restore_site(path: Path, report: Report = _nothing) -> dict:
    """Replace the database and MEDIA_ROOT by the archive's; returns its manifest."""
    path = Path(path)
    manifest = read_manifest(path)
    check_restorable(manifest)
    vendor = manifest["moteur"]
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="portal-restore-", dir=media_root.parent) as folder:
        report("Lecture de l'archive…")
        try:
            with tarfile.open(path, "r:gz") as archive:
                # The "data" filter refuses absolute paths, "..", links out of the folder, devices.
                archive.extractall(folder, filter="data")
        except (tarfile.TarError, OSError, EOFError) as problem:
            raise OperationFailed(f"{path} est illisible ou incomplet ({problem}) : rien n'a été modifié.") from None
        database_file = Path(folder) / DATABASE_FILES[vendor]
        if not database_file.is_file():
            raise OperationFailed(f"{path} ne contient pas la base ({database_file.name}) : rien n'a été modifié.")
        report(f"Restauration de la base {ENGINE_NAMES[vendor]}…")
        load_database(database_file, report)
        if media_on_local_disk():
            report("Restauration des fichiers envoyés…")
            _replace_folder(media_root, Path(folder) / MEDIA_FOLDER)
        else:
            report("Fichiers sur stockage objet : inchangés (à restaurer depuis le versionnage du compartiment).")
    return manifest


def _replace_folder(target: Path, source: Path) -> None:
    """Make target hold exactly source's files; a rename when possible, so that it is all or nothing."""
    if not source.is_dir():
        source.mkdir()
    if not target.exists():
        source.rename(target)
        return
    previous = target.with_name(f".{target.name}-avant-restauration")
    shutil.rmtree(previous, ignore_errors=True)
    try:
        target.rename(previous)
    except OSError:
        # A mount point cannot be renamed: empty it and copy.
        for child in target.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        shutil.copytree(source, target, dirs_exist_ok=True)
        return
    source.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
