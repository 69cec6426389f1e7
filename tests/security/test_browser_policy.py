"""In Chromium, the policy blocks nothing the portal or Wagtail's admin needs: front pages (charts included)
and the admin's dashboard, page editor (StreamField, rich text, dates, workflow), image chooser and library."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Page

from accounts.roles import ADMINISTRATORS, ensure_roles
from events.models import EventPage
from news.models import NewsPage
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.browser

EDITOR_EMAIL = "alain.admin@example.org"
PASSWORD = "motdepasse-de-test"
# Recorded from the first script of every document, before the page's own.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + event.sourceFile + ":" +
                              event.lineNumber);
});
"""


@pytest.fixture
def watched_page(page):
    """A tab whose Content-Security-Policy refusals (console and events) are collected in page.refusals."""
    refusals = []
    page.on(
        "console",
        lambda message: refusals.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.add_init_script(RECORD_VIOLATIONS)
    page.refusals = refusals
    return page


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert_no_refusal(page, url)


def assert_no_refusal(page, where: str) -> None:
    events = page.evaluate("window.__cspViolations || []")
    assert not page.refusals and not events, (where, page.refusals, events)


def test_front_pages_raise_no_policy_violation(watched_page, live_server, portal):
    visit(watched_page, live_server.url + "/comptes/connexion/")
    sign_in(watched_page, live_server.url)
    for name in ("home", "news", "group", "event", "dashboard", "directory"):
        visit(watched_page, live_server.url + portal[name])
    visit(watched_page, live_server.url + "/recherche/?q=pr%C3%A9vention")
    # The dashboard's charts are inline SVG with their own <style>: drawn, not blocked.
    watched_page.goto(live_server.url + portal["dashboard"])
    assert watched_page.locator("figure.chart svg").count() >= 1


def test_admin_editor_chooser_and_workflow_raise_no_policy_violation(watched_page, live_server, portal):
    editor = get_user_model().objects.create_user(
        username="alain", email=EDITOR_EMAIL, password=PASSWORD, is_staff=True, is_superuser=True
    )
    editor.groups.add(ensure_roles()[ADMINISTRATORS])
    news = NewsPage.objects.live().first()
    event = EventPage.objects.live().first()
    page = watched_page
    sign_in(page, live_server.url, EDITOR_EMAIL, PASSWORD, next_path="/admin/")
    assert_no_refusal(page, "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    for path in (
        "/admin/pages/",
        f"/admin/pages/{Page.get_first_root_node().pk}/",
        f"/admin/pages/{event.pk}/edit/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/snippets/",
    ):
        visit(page, live_server.url + path)

    # The page editor: StreamField, rich text (Draftail), then the image chooser (a modal loaded by script).
    visit(page, live_server.url + f"/admin/pages/{news.pk}/edit/")
    expect(page.locator("[data-draftail-editor], .Draftail-Editor").first).to_be_visible()
    page.locator("button[data-streamfield-action='ADD'], .c-sf-add-button").first.click()
    page.get_by_role("option", name=re.compile("Image", re.I)).first.click()
    page.get_by_role("button", name=re.compile("Choisir une image", re.I)).first.click()
    expect(page.get_by_role("heading", name="Choisir une image")).to_be_visible()
    page.locator(".modal").get_by_role("link", name=re.compile("Réunion des pilotes")).first.click()
    page.wait_for_load_state("networkidle")
    assert_no_refusal(page, "image chooser")

    # The footer's action menu, then publishing (an administrator publishes: the submission to the approval
    # workflow is offered to pilots only).
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=re.compile("Publier", re.I)).first.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages").first).to_be_visible()
    assert_no_refusal(page, "publication")
