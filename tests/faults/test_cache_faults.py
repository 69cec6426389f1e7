"""What each person may see holds whatever the cache does: the portal under gunicorn (3 workers, production
settings) with its own PostgreSQL and Redis, and a second gunicorn on the same database with no Redis at all
(one memory cache per worker).

For each fault, a page is read (and cached) by a reader outside the strategic committee, then restricted to the
committee by a project officer through the administration, or published, or signed out of, while the cache
misbehaves; afterwards the reader is refused everywhere the page showed (its address, home, the news index, the
RSS feed, their personal feed, the search API), the member still sees it, and a signed-out cookie stays signed
out. One cluster, one Redis and the two portals for the whole module; the tests run in order and put back what
they break.
"""

import json
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
import redis as redis_client

from tests.portal_client import PortalClient, cookie_value, form_token
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
WORKERS = 3
# Parallel requests: enough to keep every worker of a gunicorn busy, so that each one has read (and cached) a page.
PARALLEL = 2 * WORKERS

pytestmark = pytest.mark.own_servers


class Portal:
    """The two gunicorns, their servers, the seeded content and a signed-in browser per person."""

    def __init__(self, shared, memory, pg, redis, seed):
        self.shared, self.memory = PortalClient(shared.port), PortalClient(memory.port)
        self.servers = {"shared": shared, "memory": memory}
        self.pg, self.redis, self.seed = pg, redis, seed
        self.cookies = {}

    def cookie(self, who: str) -> str:
        """The signed-in cookies of an account (signed in once, through the Redis portal: sessions are in the
        database, so both portals share them)."""
        if who not in self.cookies:
            self.cookies[who] = self.shared.sign_in(self.seed["accounts"][who], self.seed["password"])
        return self.cookies[who]

    def places(self, scenario: str) -> list[str]:
        """Every address where a news item shows to the reader."""
        title = self.seed["news"][scenario]["title"]
        return [
            self.seed["news"][scenario]["url"],
            "/",
            self.seed["index_url"],
            "/flux/actualites.rss",
            f"/flux/personnel/{self.seed['feed_secret']}/actualites.rss",
            "/api/search/?q=" + quote(title),
        ]

    def restrict(self, client: PortalClient, scenario: str) -> None:
        """The project officer restricts the news item to the committee, through the administration's form."""
        page_id = self.seed["news"][scenario]["id"]
        cookie = self.cookie("officer")
        status, _, modal = client.get(f"/admin/pages/{page_id}/privacy/", cookie=cookie)
        assert status == 200, modal[:1000]
        token = form_token(json.loads(modal)["html"])
        fields = {"restriction_type": "groups", "groups": [self.seed["committee"]], "csrfmiddlewaretoken": token}
        status, _, text = client.post_form(f"/admin/pages/{page_id}/privacy/", fields, cookie)
        assert status == 200 and "set_privacy_done" in text, f"{status}: {text[:1000]}"

    def redis_pid(self) -> int:
        return self.redis.process.pid


def _shows(client: PortalClient, cookie: str, url: str, title: str) -> bool:
    status, _, text = client.get(url, cookie=cookie, headers={"Accept": "text/html,application/json,*/*"})
    assert status in (200, 302, 403, 404), f"{url} answered {status}: {text[:500]}"
    return status == 200 and title in text


def read_everywhere(client, cookie, places, title) -> dict[str, list[bool]]:
    """Whether the title shows, at each place read PARALLEL times at once (every worker answers some)."""
    with ThreadPoolExecutor(PARALLEL) as pool:
        seen = list(pool.map(lambda url: (url, _shows(client, cookie, url, title)), places * PARALLEL))
    return {place: [shown for url, shown in seen if url == place] for place in places}


def assert_shown(portal, client, who, scenario):
    title = portal.seed["news"][scenario]["title"]
    places = [place for place in portal.places(scenario) if who == "reader" or "/personnel/" not in place]
    seen = read_everywhere(client, portal.cookie(who), places, title)
    missing = [place for place, shown in seen.items() if not all(shown)]
    assert not missing, f"not shown to {who} at: {missing}"


def assert_refused(portal, client, scenario):
    title = portal.seed["news"][scenario]["title"]
    seen = read_everywhere(client, portal.cookie("reader"), portal.places(scenario), title)
    leaks = [place for place, shown in seen.items() if any(shown)]
    assert not leaks, f"still shown to a reader outside the committee at: {leaks}"


def attempt_sign_in(client: PortalClient, email: str, password: str):
    """(status, text) of one sign-in through the form, in a new browser."""
    status, headers, text = client.get("/comptes/connexion/")
    cookie = f"csrftoken={cookie_value(headers, 'csrftoken')}"
    fields = {"login": email, "password": password, "csrfmiddlewaretoken": form_token(text)}
    status, _, text = client.post_form("/comptes/connexion/", fields, cookie)
    return status, text


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache-faults")
    try:
        with postgres_server() as pg, redis_server(folder / "redis") as redis:
            common = {
                "DATABASE_URL": pg.create_database("portal"),
                "DATABASE_CONN_MAX_AGE": "60",
                "PORTAL_VAR_DIR": str(folder / "var"),
                "MEDIA_ROOT": str(folder / "media"),
                "LOG_LEVEL": "ERROR",
            }
            with_redis = production_environment(**common, REDIS_URL=redis.url)
            migrate_and_collect_static(with_redis)
            output = manage(with_redis, "shell", "-c", (HERE / "cache_seed.py").read_text()).stdout
            seed = json.loads(output.split("SEED ", 1)[1])
            # The search index is updated by the task worker.
            manage(with_redis, "db_worker", "--batch", "--no-startup-delay", timeout=120)
            with (
                gunicorn_server(with_redis, folder, workers=WORKERS) as shared,
                gunicorn_server(production_environment(**common), folder, workers=WORKERS) as memory,
            ):
                yield Portal(shared, memory, pg, redis, seed)
    except ServerUnavailable as error:
        pytest.fail(str(error))


def test_one_memory_per_worker_refuses_a_page_restricted_since(portal):
    client = portal.memory
    assert_shown(portal, client, "reader", "memoire")  # every worker has it in its own memory now
    portal.restrict(client, "memoire")
    assert_refused(portal, client, "memoire")
    assert_shown(portal, client, "member", "memoire")


def test_a_restriction_made_while_redis_is_stalled_holds_after_it(portal):
    client = portal.shared
    assert_shown(portal, client, "reader", "redis-fige")
    os.kill(portal.redis_pid(), signal.SIGSTOP)
    try:
        start = time.monotonic()
        portal.restrict(client, "redis-fige")  # the editor sees no error
        assert time.monotonic() - start < 10
        assert_refused(portal, client, "redis-fige")
    finally:
        os.kill(portal.redis_pid(), signal.SIGCONT)
    time.sleep(6)  # past the portal's pause after a Redis failure: the cache is read again
    assert_refused(portal, client, "redis-fige")
    assert_shown(portal, client, "member", "redis-fige")


def test_redis_restarted_from_an_older_snapshot_serves_nothing_restricted_since(portal):
    client = portal.shared
    assert_shown(portal, client, "reader", "instantane")
    store = redis_client.Redis.from_url(portal.redis.url)
    store.save()  # Redis's RDB file, as its default persistence writes it
    kept = store.dbsize()
    portal.restrict(client, "instantane")
    assert_refused(portal, client, "instantane")
    portal.redis.stop()
    portal.redis.start()
    assert store.dbsize() >= kept  # the entries of before the restriction are back
    assert_refused(portal, client, "instantane")
    assert_shown(portal, client, "member", "instantane")


def test_signing_out_while_redis_is_stalled_is_final(portal):
    client = portal.shared
    reader = client.sign_in(portal.seed["accounts"]["reader"], portal.seed["password"])
    officer = client.sign_in(portal.seed["accounts"]["officer"], portal.seed["password"])
    assert client.get("/", cookie=reader)[0] == 200
    assert client.get("/admin/", cookie=officer)[0] == 200
    os.kill(portal.redis_pid(), signal.SIGSTOP)
    try:
        client.sign_out(reader)
        client.sign_out(officer)
    finally:
        os.kill(portal.redis_pid(), signal.SIGCONT)
    time.sleep(6)
    for _ in range(PARALLEL):
        assert client.get("/", cookie=reader)[0] == 302
        assert client.get("/admin/", cookie=officer)[0] == 302
        assert client.get("/api/search/?q=budget", cookie=reader)[0] == 401


def test_a_page_published_while_redis_is_stalled_shows_its_new_title_after_it(portal):
    client = portal.shared
    draft = portal.seed["draft"]
    reader = portal.cookie("reader")
    for url in (draft["url"], "/", portal.seed["index_url"]):
        text = client.get(url, cookie=reader)[2]
        assert "Plénière : ordre du jour" in text and draft["title"] not in text
    officer = portal.cookie("officer")
    os.kill(portal.redis_pid(), signal.SIGSTOP)
    try:
        publish = f"/admin/bulk/wagtailcore/page/publish/?id={draft['id']}"
        status, _, form = client.get(publish, cookie=officer)
        assert status == 200, form[:1000]
        status, _, text = client.post_form(publish, {"csrfmiddlewaretoken": form_token(form)}, officer)
        assert status in (200, 302), text[:1000]
    finally:
        os.kill(portal.redis_pid(), signal.SIGCONT)
    time.sleep(6)
    seen = read_everywhere(client, reader, [draft["url"], "/", portal.seed["index_url"]], draft["title"])
    stale = [place for place, shown in seen.items() if not all(shown)]
    assert not stale, f"the old title is still served after the outage at: {stale}"


def test_a_full_redis_costs_nothing_but_speed(portal):
    client = portal.shared
    assert_shown(portal, client, "reader", "redis-plein")
    store = redis_client.Redis.from_url(portal.redis.url)
    store.config_set("maxmemory-policy", "noeviction")
    store.config_set("maxmemory", store.info("memory")["used_memory"] + 256 * 1024)
    try:
        with pytest.raises(redis_client.exceptions.OutOfMemoryError):
            for number in range(1000):
                store.set(f"remplissage:{number}", b"x" * 64 * 1024)
        cookie = client.sign_in(portal.seed["accounts"]["member"], portal.seed["password"])
        assert client.get("/", cookie=cookie)[0] == 200
        portal.restrict(client, "redis-plein")
        assert_refused(portal, client, "redis-plein")
        assert_shown(portal, client, "member", "redis-plein")
    finally:
        store.config_set("maxmemory", 0)
        store.delete(*[f"remplissage:{number}" for number in range(1000)])


def test_sign_in_throttling_holds_with_redis_down_and_several_workers(portal):
    client = portal.shared
    portal.redis.stop()
    try:
        email = portal.seed["accounts"]["guessed"]
        for _ in range(5):  # dealt among the workers
            assert attempt_sign_in(client, email, "pas-le-bon")[0] == 200
        status, text = attempt_sign_in(client, email, portal.seed["password"])
        assert status == 200, "the right password signs in although the limit was reached"
        assert "Trop de tentatives de connexion échouées" in text
    finally:
        portal.redis.start()
