"""Small helpers shared by the tests: reading pages as a user sees them, restricting pages."""

import html
import re
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
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


def count_queries(client, url: str) -> int:
    """How many SQL queries the server runs to answer a GET of this URL (which must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def assert_query_budget(client, url: str, add_items, budget: int = 15) -> None:
    """The page costs the same number of queries with 5 and with 30 items (more than any listing shows on
    one page), and at most `budget` (15: no page of the portal needs more).

    add_items(n) creates n more items shown (or counted) by the page. The page is read once before each
    count so that caches (site root, content types, shared fragments) are warm in both counts.
    """
    add_items(5)
    client.get(url)
    with_five = count_queries(client, url)
    add_items(25)
    client.get(url)  # new content empties the shared caches (base.page_cache): warm them again
    with_more = count_queries(client, url)
    assert with_more == with_five, f"{url}: {with_five} queries with 5 items, {with_more} with 30"
    assert with_five <= budget, f"{url}: {with_five} queries, budget {budget}"


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
