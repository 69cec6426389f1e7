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
