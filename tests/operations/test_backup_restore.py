"""`manage.py backup_site` then `restore_site` bring a site back: pages, documents, images, files, search.

Run as an administrator would (`make backup`, `make restore`): subprocesses with the production settings,
on a private copy of the test database, of the engine the suite runs on (SQLite file, or PostgreSQL).
"""

import io
import json
import subprocess
import sys
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from tests.servers import REPO_ROOT, manage, production_environment


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "teal").save(buffer, "PNG")
    return buffer.getvalue()


CONTENT = """
import json
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.images import get_image_model
from documents.models import PortalDocument
from tests.sample_files import pdf_bytes

path = "{folder}/import.jsonl"
with open(path, "w", encoding="utf-8") as stream:
    for title in ("Zéphyrin au vestiaire", "Prévention des chutes", "Horaires d'été"):
        stream.write(json.dumps({{"type": "news", "title": title, "summary": title + " : résumé."}}) + "\\n")
call_command("import_content", path)
PortalDocument.objects.create(title="Protocole Zéphyrin", file=ContentFile(pdf_bytes("Zéphyrin"), "protocole.pdf"))
get_image_model().objects.create(title="Affiche", file=ContentFile({png!r}, "affiche.png"))
# The search index and the documents' text are written by the task worker, as in production.
call_command("db_worker", "--batch", "--no-startup-delay")
"""

CHANGES = """
from django.core.management import call_command
from wagtail.images import get_image_model
from documents.models import PortalDocument
from news.models import NewsPage

NewsPage.objects.get(title="Zéphyrin au vestiaire").delete()
image = get_image_model().objects.get()
image.file.delete(save=False)
image.delete()
document = PortalDocument.objects.get()
document.title = "Protocole modifié"
document.save()
with open("{folder}/after.jsonl", "w", encoding="utf-8") as stream:
    stream.write('{{"type": "news", "title": "Écrite après la sauvegarde"}}\\n')
call_command("import_content", "{folder}/after.jsonl")
call_command("db_worker", "--batch", "--no-startup-delay")
"""

STATE = """
import json
from wagtail.images import get_image_model
from wagtail.models import Page
from documents.models import PortalDocument
from news.models import NewsPage

images = get_image_model().objects.all()
print(json.dumps({
    "news": sorted(NewsPage.objects.live().values_list("title", flat=True)),
    "documents": sorted(PortalDocument.objects.values_list("title", flat=True)),
    "images": [(i.title, i.file.storage.exists(i.file.name), i.file.read()[:8].hex()) for i in images],
    "found": sorted(page.title for page in Page.objects.live().search("zéphyrin")),
    "problems": [len(problem) for problem in Page.find_problems()],
}))
"""

# The in-process tests need the test database; the copy the subprocesses use is made from it.
pytestmark = pytest.mark.django_db

# Wagtail reads an image's size on upload: a real PNG.
PNG = _png()


@pytest.fixture(scope="module")
def site(site_folder):
    folder, url = site_folder
    environment = production_environment(
        DATABASE_URL=url, MEDIA_ROOT=str(folder / "media"), PORTAL_VAR_DIR=str(folder / "var")
    )
    return folder, environment


def _shell(environment, script: str) -> str:
    return manage(environment, "shell", "--no-imports", "-c", script).stdout


def _state(environment) -> dict:
    return json.loads(_shell(environment, STATE).strip().splitlines()[-1])


def test_a_backup_brings_back_the_database_and_the_files(site):
    folder, environment = site
    _shell(environment, CONTENT.format(folder=folder, png=PNG))
    saved = _state(environment)
    assert saved["found"] == ["Zéphyrin au vestiaire"]
    archive = folder / "sauvegarde.tar.gz"

    backup = manage(environment, "backup_site", "--output", str(archive))

    assert "Sauvegarde de la base" in backup.stdout  # progress
    assert f"Sauvegarde écrite : {archive}" in backup.stdout
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["contenu"]["documents"] == 1 and manifest["contenu"]["images"] == 1
    assert manifest["fichiers"]["nombre"] == len([name for name in names if name.startswith("media/")]) >= 2

    _shell(environment, CHANGES.format(folder=folder))
    changed = _state(environment)
    assert changed["news"] != saved["news"] and changed["images"] == [] and changed["found"] == []

    restore = manage(environment, "restore_site", str(archive), "--yes")

    assert "Site restauré" in restore.stdout
    assert _state(environment) == saved
    assert saved["images"][0][1:] == [True, PNG[:8].hex()]
    assert saved["problems"] == [0, 0, 0, 0, 0]


def test_restore_asks_before_replacing_anything(site):
    folder, environment = site
    archive = folder / "a-confirmer.tar.gz"
    manage(environment, "backup_site", "--output", str(archive))

    refused = subprocess.run(
        [sys.executable, "manage.py", "restore_site", str(archive)],
        cwd=REPO_ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert refused.returncode != 0
    assert "ajoutez --yes" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"pas une archive", "est illisible ou incomplet"),
        (None, "Archive introuvable"),
    ],
)
def test_a_bad_archive_is_refused_in_french(tmp_path, content, message):
    path = tmp_path / "mauvaise.tar.gz"
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        call_command("restore_site", str(path), "--yes", stdout=io.StringIO())


def test_an_archive_without_manifest_is_refused(tmp_path):
    path = tmp_path / "autre.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        archive.add(__file__, arcname="autre.py")

    with pytest.raises(CommandError, match="n'est pas une sauvegarde du portail"):
        call_command("restore_site", str(path), "--yes", stdout=io.StringIO())
