"""Layout checks in a real browser at desktop and phone widths: pager, home columns, card kickers, search fields."""

import pytest

from .conftest import sign_in

pytestmark = pytest.mark.browser

PAGER = """
<nav class="pagination" aria-label="Pagination"><ul>
  <li><a href="?page=1" rel="prev"><span aria-hidden="true">‹</span>&nbsp;Précédente</a></li>
  <li><a href="?page=1"><span class="visually-hidden">Page </span>1</a></li>
  <li><span aria-current="page"><span class="visually-hidden">Page </span>2</span></li>
  <li><a href="?page=3"><span class="visually-hidden">Page </span>3</a></li>
  <li><a href="?page=3" rel="next">Suivante&nbsp;<span aria-hidden="true">›</span></a></li>
</ul></nav>
"""
KICKER = """
<div class="card" style="width: 14rem"><div class="card__body">
  <p class="card__kicker"><span>Entrepôt logistique de 120 salariés</span><span>Lens-Liévin</span></p>
</div></div>
"""


def _inject(page, html: str) -> None:
    page.evaluate("html => { document.querySelector('main').insertAdjacentHTML('afterbegin', html); }", html)


@pytest.mark.parametrize("width", [1280, 375])
def test_pager_links_stay_on_one_line(signed_in_page, width):
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    _inject(page, PAGER)
    for name in ("Suivante", "Précédente"):
        link = page.locator(".pagination a", has_text=name)
        box = link.bounding_box()
        assert box["height"] <= 42, f"« {name} » tient sur deux lignes ({box['height']} px)"


def test_card_kicker_separators_never_end_a_line(signed_in_page):
    page = signed_in_page
    _inject(page, KICKER)
    separators = page.evaluate(
        """() => [...document.querySelectorAll('.card__kicker > span + span')]
            .map(span => getComputedStyle(span, '::before').content)"""
    )
    assert separators == ['"·"']
    text = page.locator(".card__kicker").first.inner_text()
    assert "·" not in text  # the separator is decoration, not text: a screen reader does not read it


def test_home_columns_end_close_together(signed_in_page, live_server):
    page = signed_in_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    bottoms = page.evaluate(
        """() => {
            const grid = document.querySelector('.home-grid');
            const left = [grid.firstElementChild, document.querySelector('.key-figures')].filter(Boolean);
            const right = grid.lastElementChild;
            return [Math.max(...left.map(e => e.getBoundingClientRect().bottom)), right.getBoundingClientRect().bottom];
        }"""
    )
    left, right = bottoms
    assert abs(right - left) < 400 or left >= right


@pytest.mark.parametrize("width", [320, 375, 1024, 1280])
def test_search_placeholders_are_not_cut(signed_in_page, width):
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    page.reload()
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
    cut = page.evaluate(
        """() => [...document.querySelectorAll('input[type=search]')].filter(i => i.offsetParent && i.placeholder)
            .filter(i => {
                const context = document.createElement('canvas').getContext('2d');
                const style = getComputedStyle(i);
                context.font = style.font;
                const room = i.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return context.measureText(i.placeholder).width > room + 1;
            }).map(i => i.placeholder)"""
    )
    assert cut == []


def test_the_admin_refuses_a_reader_with_a_french_page(page, live_server, portal):
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/admin/")
    assert page.get_by_role("heading", level=1).inner_text() == "Accès refusé"
    page.get_by_role("link", name="Retour à l’accueil").click()
    assert page.url == live_server.url + "/"
