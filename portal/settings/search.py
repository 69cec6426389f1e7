"""The search engines, from the environment.

Without SEARCH_URL, the database answers alone (SQLite FTS5, or PostgreSQL with the French
configuration). With it, an Elasticsearch or OpenSearch server answers ("default") and the database
backend stays configured and current ("database"): the ranking reads its records, and it answers when
the server does not.

    SEARCH_URL     https://utilisateur:secret@es.intranet:9200; the engine may be named in the scheme:
                   elasticsearch8+https://…, opensearch+https://… (opensearch3), opensearch2+http://…
    SEARCH_ENGINE  optional: elasticsearch9 (default), elasticsearch8, opensearch3 or opensearch2
    SEARCH_INDEX   optional prefix of the index names (default "portail_")
"""

from collections.abc import Mapping
from importlib import metadata
from importlib.util import find_spec
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

ENGINES = ("elasticsearch9", "elasticsearch8", "opensearch3", "opensearch2")
DEFAULT_ENGINE = "elasticsearch9"
# A family named without its version means its newest supported one.
FAMILIES = {"elasticsearch": "elasticsearch9", "opensearch": "opensearch3"}
DEFAULT_INDEX_PREFIX = "portail_"

DATABASE_BACKEND = {
    "BACKEND": "search.backends.database",
    # Used on PostgreSQL only (search/migrations/0004): accents folded; the terms come stemmed.
    "SEARCH_CONFIG": "simple_unaccent",
}


def search_backends(environ: Mapping[str, str]) -> dict:
    """WAGTAILSEARCH_BACKENDS for this environment."""
    url = (environ.get("SEARCH_URL") or "").strip()
    if not url:
        return {"default": dict(DATABASE_BACKEND)}
    hinted, url = _split_engine_hint(url)
    engine = (environ.get("SEARCH_ENGINE") or "").strip().lower() or hinted or DEFAULT_ENGINE
    engine = FAMILIES.get(engine, engine)
    if engine not in ENGINES:
        raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {', '.join(ENGINES)}, got {engine!r}.")
    check_client(engine)
    return {
        "default": {
            "BACKEND": "search.backends.external",
            "ENGINE": engine,
            "URLS": [url],
            "INDEX_PREFIX": environ.get("SEARCH_INDEX") or DEFAULT_INDEX_PREFIX,
        },
        "database": dict(DATABASE_BACKEND),
    }


def _split_engine_hint(url: str) -> tuple[str | None, str]:
    """("opensearch3", "https://…") from "opensearch+https://…"; (None, url) without a hint."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") and "+" not in parts.scheme:
        raise ImproperlyConfigured(f"SEARCH_URL must start with http:// or https://, got {parts.scheme}://.")
    if "+" not in parts.scheme:
        return None, url
    hint, scheme = parts.scheme.split("+", 1)
    if scheme not in ("http", "https"):
        raise ImproperlyConfigured(f"SEARCH_URL must name http or https after the engine, got {parts.scheme}://.")
    return FAMILIES.get(hint, hint), urlunsplit(parts._replace(scheme=scheme))


def _client_version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def check_client(engine: str) -> None:
    """Stop at start-up, with the fix, when the engine's Python client is missing or of another major
    version (an Elasticsearch 9 client is refused by an Elasticsearch 8 server)."""
    if engine.startswith("opensearch"):
        if find_spec("opensearchpy") is None:
            raise ImproperlyConfigured(f"SEARCH_ENGINE={engine} needs the OpenSearch client: pip install opensearch-py")
        return
    wanted = engine.removeprefix("elasticsearch")
    version = _client_version("elasticsearch")
    if version is None or version.split(".")[0] != wanted:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE={engine} needs the Elasticsearch {wanted} client (installed: {version or 'none'}): "
            f'pip install "elasticsearch>={wanted},<{int(wanted) + 1}"'
        )
