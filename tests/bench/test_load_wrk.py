"""The load benchmark's wrk script and the reading of its output (bench/load/wrk.py)."""

import http.server
import shutil
import threading
from collections import Counter

import pytest

from bench.load import wrk

OUTPUT = """Running 10s test @ http://127.0.0.1:8000
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    20.11ms    5.02ms  80.00ms   90.00%
  4000 requests in 10.00s, 40.00MB read
Requests/sec:    400.00
Transfer/sec:      4.00MB
BENCH-RESULT {"requests": 4000, "duration_us": 10000000, "bytes": 41943040, "connect": 0, "read": 2, "write": 0, \
"status": 3, "timeout": 1, "unexpected": 5, "p50_us": 18500, "p95_us": 31000, "p99_us": 64250, "max_us": 80000, \
"mean_us": 20110.5}
"""


def test_parse_reads_rate_percentiles_and_errors():
    result = wrk.parse(OUTPUT)
    assert result.requests == 4000
    assert result.rate == pytest.approx(400.0)
    assert (result.p50_ms, result.p95_ms, result.p99_ms, result.max_ms) == (18.5, 31.0, 64.25, 80.0)
    # Socket errors and timeouts, plus every response other than 200 (wrk's own >= 400 count is among them).
    assert result.errors == 3
    assert result.failures == 8


def test_parse_without_the_script_line_says_so():
    with pytest.raises(ValueError, match="BENCH-RESULT absent"):
        wrk.parse("unable to connect to 127.0.0.1:8000 Connection refused\n")


def test_lua_strings_survive_brackets_and_quotes():
    assert wrk.lua_string("/recherche/?q=sant%C3%A9") == "[[/recherche/?q=sant%C3%A9]]"
    assert wrk.lua_string('a]]b"c') == '[=[a]]b"c]=]'
    assert wrk.lua_string("ends]") == "[=[ends]]=]"


def test_script_lists_every_path_and_session_cookie():
    lua = wrk.script(["/", "/actualites/"], "sessionid", ["abc", "def"])
    assert "local paths = {[[/]], [[/actualites/]]}" in lua
    assert "local cookies = {[[sessionid=abc]], [[sessionid=def]]}" in lua
    with pytest.raises(ValueError, match="au moins une adresse"):
        wrk.script([], "sessionid", ["abc"])


@pytest.fixture(scope="module")
def recording_server():
    """A loopback HTTP server noting each request's path and cookie; /refuse answers 302 like the sign-in."""
    seen: Counter = Counter()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            seen[(self.path, self.headers.get("Cookie"))] += 1
            status = 302 if self.path == "/refuse" else 200
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, seen
    server.shutdown()
    server.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk absent (paquet Debian « wrk »)")
def test_script_rotates_sessions_over_urls_and_counts_refusals(tmp_path, recording_server):
    server, seen = recording_server
    lua = tmp_path / "load.lua"
    lua.write_text(wrk.script(["/a", "/b", "/refuse"], "sessionid", ["one", "two"]))
    result = wrk.run(shutil.which("wrk"), f"http://127.0.0.1:{server.server_port}", lua, 1, connections=2)

    assert result.requests > 30
    # Every URL is met with every session.
    assert {(path, cookie) for path, cookie in seen} == {
        (path, f"sessionid={key}") for path in ("/a", "/b", "/refuse") for key in ("one", "two")
    }
    refused = sum(count for (path, _cookie), count in seen.items() if path == "/refuse")
    # The redirects are errors: about a third of the requests (those still in flight at the end aside).
    assert result.unexpected == pytest.approx(refused, abs=4)
    assert result.errors == 0
