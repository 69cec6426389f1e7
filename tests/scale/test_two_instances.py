"""Two gunicorn instances of the portal against one PostgreSQL and one Redis, all on loopback: a page
published through one is served updated by the other at once (the shared caches are invalidated across
processes), a session opened on one works on the other, and the task worker runs beside either.

One cluster, one Redis and the two instances for the whole module; the tests run in order.
"""

import json
import re
import time
import uuid
from pathlib import Path

import pytest

from tests.portal_client import PortalClient, form_token
from tests.servers import (
    ServerUnavailable,
    gunicorn_server,
    manage,
    migrate_and_collect_static,
    postgres_server,
    production_environment,
    redis_server,
)

HERE = Path(__file__).resolve().parent

# Their own PostgreSQL and Redis: run once, in the SQLite pass (tests/conftest.py).
pytestmark = pytest.mark.own_servers


class Instance(PortalClient):
    """One gunicorn serving the portal, spoken to over HTTP without following redirects."""

    def __init__(self, server, environment):
        super().__init__(server.port)
        self.server = server
        self.environment = environment


def _multipart(fields, files):
    """A multipart/form-data body: (content type, bytes)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-instances")
    try:
        with postgres_server() as pg, redis_server(folder / "redis") as redis:
            environment = production_environment(
                DATABASE_URL=pg.create_database("portal"),
                REDIS_URL=redis.url,
                PORTAL_VAR_DIR=str(folder / "var"),
                MEDIA_ROOT=str(folder / "media"),
                LOG_LEVEL="WARNING",
            )
            migrate_and_collect_static(environment)
            output = manage(environment, "shell", "-c", (HERE / "seed.py").read_text()).stdout
            seed = json.loads(output.split("SEED ", 1)[1])
            with (
                gunicorn_server(environment, folder, workers=1) as a,
                gunicorn_server(environment, folder, workers=1) as b,
            ):
                yield {"a": Instance(a, environment), "b": Instance(b, environment), "seed": seed}
    except ServerUnavailable as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def officer_cookie(portal):
    seed = portal["seed"]
    return portal["a"].sign_in(seed["officer"], seed["password"])


def test_a_session_opened_on_one_instance_works_on_the_other(portal):
    seed = portal["seed"]
    cookie = portal["a"].sign_in(seed["reader"], seed["password"])
    status, _, text = portal["b"].get(seed["index_url"], cookie=cookie)
    assert status == 200, text[:500]
    assert "Se déconnecter" in text
    # Without the session, the other instance sends to the sign-in page.
    assert portal["b"].get(seed["index_url"])[0] == 302


def test_a_page_published_through_one_instance_is_served_updated_by_the_other(portal, officer_cookie):
    seed = portal["seed"]
    a, b = portal["a"], portal["b"]
    reader = b.sign_in(seed["reader"], seed["password"])
    for url in (seed["news_url"], "/"):
        status, _, text = b.get(url, cookie=reader)
        assert status == 200 and "ordre du jour" in text
        assert "ordre du jour modifié" not in text
    # The project officer publishes the waiting draft through instance A's administration.
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={seed['news_id']}"
    status, _, form = a.get(publish, cookie=officer_cookie)
    assert status == 200, form[:1000]
    status, _, text = a.post_form(publish, {"csrfmiddlewaretoken": form_token(form)}, officer_cookie)
    assert status in (200, 302), text[:1000]
    for url in (seed["news_url"], "/"):
        status, _, text = b.get(url, cookie=reader)
        assert status == 200
        assert "ordre du jour modifié" in text, f"{url} still shows the old title on instance B"


def test_the_task_worker_runs_beside_either_instance(portal, officer_cookie):
    a = portal["a"]
    status, _, form = a.get("/admin/documents/add/", cookie=officer_cookie)
    assert status == 200, form[:1000]
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', form)
    fields = {"csrfmiddlewaretoken": form_token(form), "title": "Compte rendu de la plénière"}
    if collection:
        fields["collection"] = collection.group(1)
    content_type, body = _multipart(
        fields,
        {"file": ("plenière.txt", "Décisions sur la prévention des risques psychosociaux.".encode(), "text/plain")},
    )
    status, _, text = a.request(
        "POST", "/admin/documents/add/", cookie=officer_cookie, body=body, headers={"Content-Type": content_type}
    )
    assert status == 302, text[:2000]
    # The worker started with instance B's environment processes what A queued, then exits.
    start = time.monotonic()
    manage(portal["b"].environment, "db_worker", "--batch", "--no-startup-delay", timeout=60)
    assert time.monotonic() - start < 60
    check = (
        "from documents.models import PortalDocument as D;"
        "d = D.objects.get(title='Compte rendu de la plénière');"
        "print('STATUS', d.text_status, 'psychosociaux' in d.extracted_text)"
    )
    output = manage(portal["b"].environment, "shell", "-c", check).stdout
    assert "STATUS done True" in output, output
