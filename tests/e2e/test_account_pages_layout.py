"""The header and the reader's own pages at phone and desktop widths: the bell's badge on the bell, the name on
one line, breadcrumbs on the notifications and « Mes abonnements », the e-mail preferences laid out as a form.

Each test leaves a screenshot in test-results/screenshots/ to look at."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
LONG_FIRST_NAME, LONG_LAST_NAME = "Marie-Christine", "Delacroix-Lefebvre"


def _screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _unread_notification():
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from participation.models import Notification

    from .content import READER_EMAIL

    reader = get_user_model().objects.get(email=READER_EMAIL)
    Notification.objects.create(
        recipient=reader, page=Page.objects.live().filter(depth=3).first(), kind="published", message="Test", key="t1"
    )
    return reader


def test_the_unread_badge_sits_on_the_bell_on_a_phone(signed_in_page, live_server):
    page = signed_in_page
    _unread_notification()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Menu").click()
    icon = page.locator(".notification-bell__icon").bounding_box()
    badge = page.locator(".notification-bell__count").bounding_box()
    _screenshot(page, "bell-390")
    # The badge overlaps the icon's top right corner, as on a desktop.
    assert badge["x"] < icon["x"] + icon["width"] + 4 <= badge["x"] + badge["width"] + 16, (icon, badge)
    assert abs((badge["y"] + badge["height"] / 2) - icon["y"]) < 16, (icon, badge)


def test_a_long_name_stays_on_one_line_at_1280(signed_in_page, live_server):
    page = signed_in_page
    reader = _unread_notification()
    reader.first_name, reader.last_name = LONG_FIRST_NAME, LONG_LAST_NAME
    reader.save()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    name = page.locator(".user-menu__name")
    expect(name).to_contain_text(f"{LONG_FIRST_NAME} {LONG_LAST_NAME}")
    _screenshot(page, "header-1280")
    height = page.evaluate("e => e.getBoundingClientRect().height", name.element_handle())
    line = page.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 20", name.element_handle())
    assert height < 1.5 * line, f"le nom tient sur plusieurs lignes ({height} px)"


@pytest.mark.parametrize(
    ("path", "title"), [("/notifications/", "Notifications"), ("/mon-compte/abonnements/", "Mes abonnements")]
)
def test_account_pages_have_a_breadcrumb(signed_in_page, live_server, path, title):
    page = signed_in_page
    page.goto(live_server.url + path)
    crumbs = page.get_by_role("navigation", name="Fil d’Ariane")
    expect(crumbs.get_by_role("link", name="Accueil")).to_be_visible()
    expect(crumbs.locator("[aria-current=page]")).to_have_text(title)


def test_the_e_mail_preferences_are_laid_out_as_a_form(signed_in_page, live_server):
    page = signed_in_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/mon-compte/abonnements/")
    section = page.locator("section", has=page.get_by_role("heading", name="E-mails", level=2))
    _screenshot(page, "subscriptions-1280")
    # A closing » never starts a line on its own: it stays with the word it closes.
    lone = section.evaluate(
        """section => {
            const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
            const found = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (let at = node.data.indexOf("»"); at > 0; at = node.data.indexOf("»", at + 1)) {
                    const before = document.createRange(), mark = document.createRange();
                    before.setStart(node, 0); before.setEnd(node, at);
                    mark.setStart(node, at); mark.setEnd(node, at + 1);
                    const last = [...before.getClientRects()].pop(), own = mark.getClientRects()[0];
                    if (last && own && own.top > last.top + 2) found.push(node.data);
                }
            }
            return found;
        }"""
    )
    assert lone == []
    # The choices are laid out like the portal's other forms: no browser frame around them.
    assert section.locator("input[type=radio]").count() == 4
    border = section.locator("fieldset").evaluate("e => getComputedStyle(e).borderTopStyle")
    legend_weight = section.locator("legend").evaluate("e => getComputedStyle(e).fontWeight")
    assert border == "none" and int(legend_weight) >= 600, (border, legend_weight)
