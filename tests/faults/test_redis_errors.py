"""Every kind of Redis error reads as a miss and drops the write, against real redis-servers on free ports: out
of memory (maxmemory with noeviction), a read-only replica, a stopped server, a frozen one. The portal under
those faults: test_cache_faults.py."""

import os
import signal
import time

import pytest
import redis

from portal.cache import ResilientRedisCache
from tests.servers import ServerUnavailable, redis_server

pytestmark = pytest.mark.own_servers

TIMEOUT = 0.5


def portal_cache(url: str) -> ResilientRedisCache:
    return ResilientRedisCache(url, {"OPTIONS": {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT}})


def exercise(cache: ResilientRedisCache) -> None:
    """Every call the portal makes, none of which may raise."""
    cache.set("page", "<main>…</main>")
    cache.set_many({"a": 1, "b": 2})
    cache.add("lock", 1)
    cache.get_or_set("computed", lambda: 42)
    cache.touch("page")
    cache.delete("page")
    cache.delete_many(["a", "b"])
    cache.get_many(["a", "b"])
    cache.has_key("page")


@pytest.fixture
def server(tmp_path):
    try:
        with redis_server(tmp_path / "redis") as started:
            yield started
    except ServerUnavailable as error:
        pytest.fail(str(error))


def test_a_full_redis_drops_writes_and_still_serves_what_it_holds(server):
    cache = portal_cache(server.url)
    cache.set("kept", "déjà là")
    client = redis.Redis.from_url(server.url)
    client.config_set("maxmemory-policy", "noeviction")
    client.config_set("maxmemory", client.info("memory")["used_memory"] + 64 * 1024)
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        for number in range(100):
            client.set(f"remplissage:{number}", b"x" * 16 * 1024)

    exercise(cache)
    cache.set("new", "refusé par Redis")

    assert cache.get("new", "absent") == "absent"
    assert cache.get("kept") == "déjà là"  # reads go on: a server that refuses writes is not skipped


def test_a_read_only_replica_drops_writes(server, tmp_path):
    with redis_server(tmp_path / "replica") as replica:
        redis.Redis.from_url(replica.url).replicaof("127.0.0.1", server.port)
        cache = portal_cache(replica.url)
        with pytest.raises(redis.exceptions.ReadOnlyError):
            redis.Redis.from_url(replica.url).set("x", 1)

        exercise(cache)

        assert cache.get("page", "absent") == "absent"


def test_a_stopped_or_frozen_redis_costs_one_short_wait(server):
    cache = portal_cache(server.url)
    os.kill(server.process.pid, signal.SIGSTOP)
    try:
        start = time.monotonic()
        for _ in range(50):
            exercise(cache)
            assert cache.get("page", "absent") == "absent"
        assert time.monotonic() - start < 3 * TIMEOUT + 1
    finally:
        os.kill(server.process.pid, signal.SIGCONT)
    server.stop()
    stopped = portal_cache(server.url)
    start = time.monotonic()
    exercise(stopped)
    assert stopped.get("page", "absent") == "absent"
    assert time.monotonic() - start < 2
