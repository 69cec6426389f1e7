"""The README's map of the cache is the one the code declares (base.caches)."""

from django.conf import settings

from base.caches import CACHE_MAP, PROCESS_MEMORY, map_table
from base.management.commands.cache_map import README, with_table


def test_the_readme_shows_the_cache_map_the_code_declares():
    readme = README.read_text(encoding="utf-8")
    assert with_table(readme, map_table()) == readme, "README.md : lancez « manage.py cache_map --write »"


def test_every_cache_has_its_own_prefix_and_a_configured_backend():
    prefixes = [cache.prefix for cache in CACHE_MAP]
    assert len(set(prefixes)) == len(prefixes)
    assert {cache.alias for cache in CACHE_MAP} <= set(settings.CACHES) | {"renditions", PROCESS_MEMORY}


# The map itself, the Redis backend, the settings and sign-in throttling's backend configuration.
_MAY_USE_DJANGO_CACHE = {"base/caches.py", "portal/cache.py", "accounts/throttle.py"}


def test_no_other_module_speaks_to_django_s_cache():
    root = README.parent
    apps = [path for path in root.iterdir() if (path / "apps.py").exists() or path.name == "portal"]
    speaking = {
        str(source.relative_to(root))
        for app in apps
        for source in app.rglob("*.py")
        if "django.core.cache" in source.read_text(encoding="utf-8")
    }
    assert {path for path in speaking if not path.startswith("portal/settings/")} == _MAY_USE_DJANGO_CACHE
