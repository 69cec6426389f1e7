"""Small helpers shared by the tests: reading pages as a user sees them, restricting pages."""

import html
import re
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import resolve_url
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction


def page_text(response) -> str:
    """The response body with entities decoded and tags removed, whitespace collapsed: what a reader sees."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S | re.I)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())


def sign_in_url() -> str:
    return resolve_url(settings.LOGIN_URL)


def is_redirect_to_sign_in(response, next_url: str | None = None) -> bool:
    """True when the response sends the browser to the sign-in page (with ?next= pointing back, if given)."""
    if response.status_code != 302:
        return False
    location = urlsplit(response["Location"])
    if location.path != sign_in_url():
        return False
    if next_url is None:
        return True
    return parse_qs(location.query).get("next") == [next_url]


def restrict_page_to_groups(page, *groups) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.GROUPS)
    restriction.groups.set(groups)
    return restriction


def restrict_collection_to_groups(collection, *groups) -> CollectionViewRestriction:
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set(groups)
    return restriction


def page_queries(client, url: str) -> list[str]:
    """The SQL queries the server runs to answer a GET of this URL (which must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in context.captured_queries]


def count_queries(client, url: str) -> int:
    """How many SQL queries the server runs to answer a GET of this URL (which must answer 200)."""
    return len(page_queries(client, url))


def _listed(queries: list[str]) -> str:
    return "\n".join(f"  {number}. {sql[:700]}" for number, sql in enumerate(queries, 1))


def assert_query_budget(client, url: str, add_items, budget: int = 15, cold_budget: int | None = None) -> None:
    """The page costs the same number of queries with 5 and with 30 items (more than any listing shows on
    one page), at most `budget` (15: no page of the portal needs more) once the shared caches are warm, and
    at most `cold_budget` (the budget plus 5) right after the cache is emptied (a restart, an eviction).

    add_items(n) creates n more items shown (or counted) by the page.
    """
    cold_budget = cold_budget if cold_budget is not None else budget + 5
    counts = {}
    for total, more in ((5, 5), (30, 25)):
        add_items(more)
        client.get(url)  # what each process keeps for good (content types) is loaded once
        cache.clear()
        cold = page_queries(client, url)
        # The shared caches (base.page_cache) are warm again.
        counts[total] = (cold, page_queries(client, url))
    (cold_five, warm_five), (cold_more, warm_more) = counts[5], counts[30]
    assert len(warm_more) == len(warm_five), (
        f"{url}: {len(warm_five)} queries with 5 items, {len(warm_more)} with 30 (warm cache):\n{_listed(warm_more)}"
    )
    assert len(cold_more) == len(cold_five), (
        f"{url}: {len(cold_five)} queries with 5 items, {len(cold_more)} with 30 (cold cache):\n{_listed(cold_more)}"
    )
    assert len(warm_five) <= budget, (
        f"{url}: {len(warm_five)} queries with a warm cache, budget {budget}:\n{_listed(warm_five)}"
    )
    assert len(cold_five) <= cold_budget, (
        f"{url}: {len(cold_five)} queries right after the cache is emptied, budget {cold_budget}:\n{_listed(cold_five)}"
    )


def assert_shown_only_to_members(outsider_client, member_client, url: str, secret: str) -> None:
    """The text `secret` (a restricted page's title, a document's name) is on the page for a member of the
    group and absent for a reader outside it; both get a successful answer."""
    outsider = outsider_client.get(url)
    member = member_client.get(url)
    assert outsider.status_code == 200 and member.status_code == 200, (url, outsider.status_code, member.status_code)
    assert secret in member.content.decode(), f"{url}: {secret!r} missing for a member"
    assert secret not in outsider.content.decode(), f"{url}: {secret!r} shown to a reader outside the group"


# Values of a query parameter that must never break a page: a superscript digit Python takes for a digit,
# a NUL byte, a number no column holds, an unknown value, a very long one.
HOSTILE_VALUES = ("%C2%B2", "%00", "99999999999999999999", "inconnu", "x" * 5000)


def hostile_queries(*parameters: str) -> list[str]:
    """Query strings giving each parameter each hostile value in turn."""
    return [f"?{parameter}={value}" for parameter in parameters for value in HOSTILE_VALUES]
