"""Private by default: nobody who is not signed in gets any page, file, feed, API answer or admin screen.

The list of private URLs below is checked against portal.urls: a new URL pattern that is neither
exercised here nor declared public in PUBLIC_PREFIXES makes test_every_url_pattern_is_covered fail.
"""

import json
import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, resolve
from wagtail.models import Page, get_page_models

import portal.urls
from tests import factories
from tests.utils import is_redirect_to_sign_in, sign_in_url

# Top-level routes open to everyone, and why.
PUBLIC_PREFIXES = {
    "health/": "load-balancer check; answers only its status and the task queue's size and wait",
    "comptes/": "sign-in, sign-out, password reset and the single sign-on endpoints (django-allauth)",
    "static/": "stylesheets, scripts and fonts (development server only)",
    "desabonnement/": "one-click unsubscribe from e-mails: a signed token; GET only asks to confirm",
}

HTML = "html"
MACHINE = "machine"
FAKE_SECRET = "A" * 43


@pytest.fixture
def private_urls(page_of_each_type, django_capture_on_commit_callbacks):
    """(label, url, kind) for every kind of private URL, built on real content."""
    pages = page_of_each_type
    person = factories.PersonFactory()
    image = factories.ImageFactory()
    rendition = image.get_rendition("fill-80x80")
    with django_capture_on_commit_callbacks(execute=True):
        document = factories.make_document("trame-entretien.txt", b"Trame d'entretien infirmier.")
    event = pages["events.EventPage"]
    urls = [(f"page {label}", page.url, HTML) for label, page in sorted(pages.items())]
    urls += [
        ("needs form", pages["projects.NeedsIndexPage"].url + "soumettre/", HTML),
        ("my needs sheets", pages["projects.NeedsIndexPage"].url + "mes-fiches/", HTML),
        ("my subscriptions", "/mon-compte/abonnements/", HTML),
        ("e-mail preference", "/mon-compte/abonnements/preference/", HTML),
        ("follow", "/mon-compte/abonnements/suivre/", HTML),
        ("unfollow", "/mon-compte/abonnements/ne-plus-suivre/", HTML),
        ("notifications", "/notifications/", HTML),
        ("mark all notifications read", "/notifications/tout-marquer-lu/", HTML),
        ("mark a notification read", "/notifications/1/lue/", HTML),
        ("open a notification", "/notifications/1/ouvrir/", HTML),
        ("create my feed address", "/mon-compte/flux/creer/", HTML),
        ("regenerate my feed address", "/mon-compte/flux/regenerer/", HTML),
        ("revoke my feed address", "/mon-compte/flux/revoquer/", HTML),
        ("subscribe to the news", "/mon-compte/flux/s-abonner/actualites/", HTML),
        ("subscribe to the agenda", "/mon-compte/flux/s-abonner/agenda/", HTML),
        (
            "subscribe to a group's meetings",
            f"/mon-compte/flux/s-abonner/groupes/{pages['projects.WorkingGroupPage'].pk}/",
            HTML,
        ),
        ("correct my phone number", "/ma-fiche/telephone/", HTML),
        ("person card", f"{pages['people.DirectoryPage'].url}{person.pk}/", HTML),
        ("search", "/recherche/?q=trame", HTML),
        ("API search", "/api/search/?q=trame", MACHINE),
        ("search click count", "/recherche/clic/", MACHINE),
        ("my directory card", "/ma-fiche/", HTML),
        ("my contents to check", "/mon-compte/contenus-a-verifier/", HTML),
        ("still accurate", f"/mon-compte/contenus-a-verifier/{pages['news.NewsPage'].pk}/toujours-exact/", HTML),
        ("useful vote", f"/retours/{pages['news.NewsPage'].pk}/utile/", HTML),
        ("report a problem", f"/retours/{pages['news.NewsPage'].pk}/signaler/", HTML),
        ("answer a report", "/retours/signalements/1/repondre/", HTML),
        ("my data", "/mon-compte/mes-donnees/", HTML),
        ("my data as JSON", "/mon-compte/mes-donnees/mes-donnees.json", HTML),
        ("my data as CSV", "/mon-compte/mes-donnees/mes-donnees.zip", HTML),
        ("document download", document.url, HTML),
        ("document password form", "/documents/authenticate_with_password/1/", HTML),
        ("page password form", f"/_util/authenticate_with_password/1/{pages['news.NewsPage'].pk}/", HTML),
        ("image rendition", rendition.url, HTML),
        ("original image", image.file.url, HTML),
        ("document under /media", "/media/" + document.file.name, HTML),
        ("admin", "/admin/", HTML),
        ("admin pages", "/admin/pages/", HTML),
        ("admin sign-in", "/admin/login/", HTML),
        ("Wagtail front-end sign-in", "/_util/login/", HTML),
        ("unknown page", "/page-inconnue/", HTML),
        ("news RSS", "/flux/actualites.rss", MACHINE),
        ("news Atom", "/flux/actualites.atom", MACHINE),
        ("agenda ICS", "/flux/agenda.ics", MACHINE),
        ("event ICS", f"/flux/agenda/{event.pk}.ics", MACHINE),
        ("group meetings ICS", f"/flux/groupes/{pages['projects.WorkingGroupPage'].pk}/reunions.ics", MACHINE),
        # Personal addresses need no session, but a valid secret: a made-up one is refused like no session.
        ("personal news RSS", f"/flux/personnel/{FAKE_SECRET}/actualites.rss", MACHINE),
        ("personal news Atom", f"/flux/personnel/{FAKE_SECRET}/actualites.atom", MACHINE),
        ("personal agenda ICS", f"/flux/personnel/{FAKE_SECRET}/agenda.ics", MACHINE),
        (
            "personal group meetings ICS",
            f"/flux/personnel/{FAKE_SECRET}/groupes/{pages['projects.WorkingGroupPage'].pk}/reunions.ics",
            MACHINE,
        ),
        ("other personal address", f"/flux/personnel/{FAKE_SECRET}/autre", MACHINE),
        ("API pages", "/api/v2/pages/", MACHINE),
        ("API page", f"/api/v2/pages/{event.pk}/", MACHINE),
        ("API find page", "/api/v2/pages/find/?html_path=/", MACHINE),
        ("API documents", "/api/v2/documents/", MACHINE),
        ("API document", f"/api/v2/documents/{document.pk}/", MACHINE),
        ("API find document", f"/api/v2/documents/find/?id={document.pk}", MACHINE),
        ("API images", "/api/v2/images/", MACHINE),
        ("API image", f"/api/v2/images/{image.pk}/", MACHINE),
        ("API find image", f"/api/v2/images/find/?id={image.pk}", MACHINE),
    ]
    return urls


@pytest.mark.django_db
def test_anonymous_html_requests_are_sent_to_the_sign_in_page(client, private_urls):
    refused = []
    for label, url, kind in private_urls:
        if kind != HTML:
            continue
        response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml")
        if url in ("/admin/login/", "/_util/login/"):
            # Other sign-in forms hand over to the portal's own, keeping where to go next.
            ok = response.status_code == 302 and response["Location"].startswith(sign_in_url())
        else:
            ok = is_redirect_to_sign_in(response, next_url=url)
        if not ok:
            refused.append(f"{label} {url} → {response.status_code} {response.get('Location', '')}")
    assert refused == []


@pytest.mark.django_db
def test_anonymous_feeds_calendars_and_api_get_401(client, private_urls):
    answers = {}
    for label, url, kind in private_urls:
        if kind == MACHINE:
            response = client.get(url)
            answers[label] = response.status_code
            assert b"<item>" not in response.content and b"BEGIN:VEVENT" not in response.content
    assert answers and set(answers.values()) == {401}, json.dumps(answers)


@pytest.mark.django_db
def test_anonymous_page_requested_as_json_gets_401(client, page_of_each_type):
    response = client.get(page_of_each_type["news.NewsPage"].url, HTTP_ACCEPT="application/json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"]


@pytest.mark.django_db
def test_anonymous_refusal_reveals_no_content(client, page_of_each_type):
    news = page_of_each_type["news.NewsPage"]
    for accept in ("text/html", "application/json"):
        response = client.get(news.url, HTTP_ACCEPT=accept)
        assert news.title.encode() not in response.content


@pytest.mark.django_db
def test_anonymous_cannot_submit_a_needs_sheet(client, page_of_each_type):
    from projects.models import NeedsSheetPage

    before = NeedsSheetPage.objects.count()
    url = page_of_each_type["projects.NeedsIndexPage"].url + "soumettre/"
    response = client.post(url, {"title": "Besoin anonyme", "need": "Rien"})
    assert is_redirect_to_sign_in(response, next_url=url)
    assert NeedsSheetPage.objects.count() == before


@pytest.mark.django_db
def test_health_check_is_public_and_says_ok(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "tasks": {"waiting": 0, "oldest_waiting_seconds": 0}}


@pytest.mark.django_db
def test_health_check_reports_a_database_failure(client, monkeypatch):
    from django.db import OperationalError, connection

    def broken_cursor():
        raise OperationalError("base indisponible")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content)["status"] == "error"
    assert "indisponible" not in response.content.decode()


@pytest.mark.django_db
def test_sign_in_page_is_public(client):
    response = client.get(sign_in_url())
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


# --- A new URL pattern must be noticed --------------------------------------------------------------


def _join(prefix: str, route: str) -> str:
    # Same joining as django.urls.resolvers.URLResolver._join_route, so routes compare with ResolverMatch.route.
    return prefix + route.removeprefix("^") if prefix else route


def _leaf_routes(patterns, prefix=""):
    for pattern in patterns:
        route = _join(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _leaf_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def _is_public(route: str) -> bool:
    return any(route.startswith(prefix) for prefix in PUBLIC_PREFIXES)


@pytest.mark.django_db
def test_every_url_pattern_is_covered(private_urls):
    """Each route of portal.urls (the admin's as a whole) is tried anonymously above, or declared public."""
    covered = {resolve(url.split("?")[0]).route for _label, url, _kind in private_urls}
    uncovered = [
        route
        for route, _pattern in _leaf_routes(portal.urls.urlpatterns)
        if not _is_public(route) and not route.startswith("admin/") and route not in covered
    ]
    assert uncovered == [], "Add these routes to private_urls or to PUBLIC_PREFIXES (with the reason)."
    top_level = {str(pattern.pattern) for pattern in portal.urls.urlpatterns}
    covered_top = {route for route in top_level if any(c.startswith(route) for c in covered)}
    assert top_level - covered_top - set(PUBLIC_PREFIXES) == set()


@pytest.mark.django_db
def test_every_page_type_is_in_the_private_url_list(page_of_each_type):
    """page_of_each_type (tests/conftest.py) must grow with the page types, so each one is tried above."""
    labels = {model._meta.label for model in get_page_models() if model is not Page}
    assert labels - set(page_of_each_type) == set()


CONVERTER_SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x/y", "uuid": str(uuid.uuid4())}


def _sample_path(route: str) -> str:
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: CONVERTER_SAMPLES.get(m.group(1) or "str", "x"), route)
    path = re.sub(r"\(\?P<\w+>[^)]*\)|\([^)]*\)", "1", path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


@pytest.mark.django_db
def test_every_admin_screen_refuses_anonymous_visitors(client):
    """All Wagtail admin routes (several hundred), with sample arguments: none answers 200 to an anonymous visitor."""
    tried, leaks = 0, []
    for route, pattern in _leaf_routes(portal.urls.urlpatterns):
        if not route.startswith("admin/"):
            continue
        path = _sample_path(route)
        try:
            match = resolve(path)
        except Exception:  # a sample the route does not accept; skip it
            continue
        if match.func is not pattern.callback:
            continue
        tried += 1
        response = client.get(path)
        # The admin's catch-all sends visitors to /admin/login/, which hands over to the sign-in page.
        location = response.get("Location", "")
        if response.status_code != 302 or not location.startswith((sign_in_url(), "/admin/login/")):
            leaks.append(f"{path} → {response.status_code} {response.get('Location', '')}")
    assert tried > 150
    assert leaks == []
