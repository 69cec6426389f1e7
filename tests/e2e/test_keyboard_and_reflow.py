"""What axe-core cannot see: the portal used with the keyboard alone, zoomed to 200 % and at 320 CSS pixels
(RGAA 4.1 criteria 10.7, 10.11, 12.6, 12.7, 12.8; docs/accessibilite-audit.md)."""

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

pytestmark = pytest.mark.browser

# What the focused element is, and whether its focus is drawn (an outline or a ring of box-shadow).
DESCRIBE_FOCUS = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const drawn = (node) => {
        const style = getComputedStyle(node);
        const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return outlined || (style.boxShadow && style.boxShadow !== "none");
    };
    // A card's title link draws its focus around the whole card (static/css/components.css).
    const card = element.closest(".card");
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: (element.innerText || element.value || element.getAttribute("aria-label") || "").trim().slice(0, 60),
        region: element.closest("main") ? "main" : element.closest("nav") ? "nav"
            : element.closest("header") ? "header" : element.closest("footer") ? "footer" : "other",
        visible: drawn(element) || Boolean(card && drawn(card)),
        sized: box.width > 0 && box.height > 0,
    };
}"""
HORIZONTAL_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Pages and routes checked with the keyboard: the home page, a listing with filters, a content page, a form.
KEYBOARD_PAGES = ["home", "news index", "group", "needs form", "accessibility statement", "document library"]


def _tab_through(page, presses: int = 40) -> list[dict]:
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stop = page.evaluate(DESCRIBE_FOCUS)
        if stop is not None:
            stops.append(stop)
    return stops


def _first(stops: list[dict], predicate) -> int:
    return next((index for index, stop in enumerate(stops) if predicate(stop)), -1)


@pytest.mark.parametrize("name", KEYBOARD_PAGES)
def test_tab_order_goes_from_the_skip_link_to_the_search_the_menu_and_the_content(
    signed_in_page, live_server, portal, name
):
    page = signed_in_page
    page.goto(live_server.url + portal[name])
    stops = _tab_through(page)
    assert stops and stops[0]["text"] == "Aller au contenu", stops[:3]
    search = _first(stops, lambda stop: stop["id"] == "recherche-entete")
    menu = _first(stops, lambda stop: stop["region"] == "nav" and stop["tag"] == "a")
    content = _first(stops, lambda stop: stop["region"] == "main")
    assert 0 < search < menu < content, [(stop["region"], stop["text"]) for stop in stops]
    hidden = [stop for stop in stops if not stop["visible"] or not stop["sized"]]
    assert not hidden, f"{name} : focus invisible sur {hidden}"


def test_the_skip_link_shows_when_focused_and_leads_to_the_content(signed_in_page, live_server, portal):
    page = signed_in_page
    page.goto(live_server.url + portal["group"])
    skip = page.get_by_role("link", name="Aller au contenu")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10 and box["y"] >= 0
    page.keyboard.press("Enter")
    expect(page.locator("#contenu")).to_be_focused()
    # The next Tab goes into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate(DESCRIBE_FOCUS)["region"] == "main"


def test_the_user_menu_and_the_mobile_menu_work_with_the_keyboard(signed_in_page, live_server, portal):
    page = signed_in_page
    page.goto(live_server.url + portal["home"])
    summary = page.locator("[data-user-menu] summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Mes abonnements")).to_be_visible()
    page.keyboard.press("Escape")
    expect(summary).to_be_focused()
    expect(page.get_by_role("link", name="Mes abonnements")).to_be_hidden()

    page.set_viewport_size({"width": 390, "height": 800})
    toggle = page.get_by_role("button", name="Menu")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Navigation principale").get_by_role("link").first).to_be_visible()


@pytest.mark.parametrize(
    ("width", "font_scale"),
    [(320, 1), (640, 1), (1280, 2)],
    ids=["reflow-320px", "zoom-200-percent", "text-200-percent"],
)
def test_no_page_scrolls_sideways_at_320px_or_zoomed_to_200_percent(page, live_server, portal, width, font_scale):
    """320 CSS px is a 1280 px screen zoomed to 400 %, 640 px the same screen at 200 % (RGAA 10.11); the text
    alone enlarged to 200 % is criterion 10.4. Data tables may scroll inside their own frame, not the page."""
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server.url)
    overflowing = []
    for label, path in {**portal, "sign-in page": None}.items():
        if path is None:
            continue
        page.goto(live_server.url + path)
        if font_scale != 1:
            page.add_style_tag(content=f"html {{ font-size: {100 * font_scale}% !important; }}")
        overflow = page.evaluate(HORIZONTAL_OVERFLOW)
        if overflow > 1:
            overflowing.append(f"{label} ({path}) : {overflow} px")
    assert not overflowing, "Défilement horizontal :\n" + "\n".join(overflowing)


def test_the_sign_in_page_reflows_at_320px(page, live_server, portal):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/comptes/connexion/")
    assert page.evaluate(HORIZONTAL_OVERFLOW) <= 1
    page.keyboard.press("Tab")
    assert page.evaluate(DESCRIBE_FOCUS)["visible"]
