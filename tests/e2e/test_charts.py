"""The dashboard's charts as a reader sees them at 1280 and 390 px: text of 11 px at least, axis labels that
neither overlap nor get cut, and the same colour for a status in the picture and its legend."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from projects.models import NeedsStatusChange
from tests import factories

from .conftest import sign_in

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

# Every text of the visible pictures: its rendered box and font size, and whether it overflows its picture.
MEASURE = """() => {
    const pictures = [...document.querySelectorAll('.chart__variant')].filter(node => node.offsetParent !== null);
    return pictures.map(picture => {
        const svg = picture.querySelector('svg');
        const frame = svg.getBoundingClientRect();
        const scale = frame.width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('.axis.x text, .axis.y text')].filter(node => node.textContent.trim());
        return {
            name: svg.getAttribute('aria-label'),
            texts: texts.map(node => {
                const box = node.getBoundingClientRect();
                return {
                    text: node.textContent,
                    axis: node.closest('.axis.x') ? 'x' : 'y',
                    px: parseFloat(getComputedStyle(node).fontSize) * scale,
                    left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                    inside: box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5,
                };
            }),
        };
    });
}"""


def _months_of_history():
    """Needs sheets changing status over the last twelve months, so that the timeline has twelve labels."""
    today = timezone.localdate()
    for months_ago in range(12):
        day = today - datetime.timedelta(days=30 * months_ago)
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        sheet = factories.NeedsSheetPageFactory()
        NeedsStatusChange.objects.create(sheet=sheet, status="submitted", decided_at=moment)


@pytest.mark.parametrize("width", [1280, 390])
def test_dashboard_charts_are_legible_at_desktop_and_phone_widths(page, live_server, portal, width):
    _months_of_history()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, next_path=portal["dashboard"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"tableau-de-bord-{width}.png"), full_page=True)

    pictures = page.evaluate(MEASURE)
    assert len(pictures) == 3, [picture["name"] for picture in pictures]
    for picture in pictures:
        texts = picture["texts"]
        assert texts, picture["name"]
        small = [(text["text"], round(text["px"], 1)) for text in texts if text["px"] < 11]
        assert not small, f"{picture['name']} à {width} px : texte de moins de 11 px {small}"
        cut = [text["text"] for text in texts if not text["inside"]]
        assert not cut, f"{picture['name']} à {width} px : étiquettes coupées {cut}"
        x_labels = sorted((text for text in texts if text["axis"] == "x"), key=lambda text: text["left"])
        for left, right in zip(x_labels, x_labels[1:], strict=False):
            assert left["right"] <= right["left"], (
                f"{picture['name']} à {width} px : « {left['text']} » chevauche « {right['text']} »"
            )
    # The year is written once, then on January only; the months are abbreviated the French way.
    month_axis = next(picture for picture in pictures if "Fiches besoins" in picture["name"])
    written = [text["text"] for text in month_axis["texts"] if text["axis"] == "x"]
    with_year = [label for label in written[1:] if " " in label]
    assert " " in written[0] and all(label.startswith("janv. ") for label in with_year), written


def test_a_status_has_one_colour_in_every_chart_and_badge(page, live_server, portal):
    sign_in(page, live_server.url, next_path=portal["dashboard"])
    legend = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#fiches-besoins .chart-legend li')]
            .map(item => [item.textContent.trim(), item.querySelector('rect').getAttribute('fill')]))"""
    )
    assert legend["Retenue"] != legend["Soumise"]
    page.goto(live_server.url + portal["needs sheet"])
    badge = page.locator(".badge--retained").first
    colour = badge.evaluate("node => getComputedStyle(node).color")
    red, green, blue = (int(legend["Retenue"][index : index + 2], 16) for index in (1, 3, 5))
    assert colour == f"rgb({red}, {green}, {blue})"
