"""Charts are inline SVG pictures with a name, with no script and nothing fetched from another host."""

import datetime
import re
from decimal import Decimal

from base.charts import STATUS_COLOURS, bar_chart, line_chart, month_labels, stacked_bars

PICTURE = re.compile(r'<div class="chart__variant chart__variant--(wide|narrow)">(<svg\b.*?</svg>)</div>', re.S)
EXTERNAL = re.compile(r"<script|(?:href|src)\s*=\s*[\"']?\s*(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//|@import", re.I)


def _charts():
    day = datetime.date(2026, 1, 31)
    return [
        line_chart(
            {"Délai": [(day, Decimal(120)), (day + datetime.timedelta(days=60), Decimal(100))]},
            title="Délai",
            target=Decimal(90),
            unit="jours",
        ),
        stacked_bars(["Groupe A", "Groupe B"], {"Réalisées": [1, 2], "En retard": [0, 1]}, title="Avancement"),
        bar_chart(["janv. 2026", "févr. 2026"], [3, 5], title="Personnes formées", name="Personnes formées"),
    ]


def test_charts_are_named_images_without_outside_references():
    for chart in _charts():
        pictures = PICTURE.findall(chart)
        # Drawn wide, and narrow for phones (CSS shows one).
        assert [name for name, _svg in pictures] == ["wide", "narrow"]
        for _name, svg in pictures:
            assert svg.startswith('<svg role="img" aria-label="')
            assert "<title>" in svg
        assert not EXTERNAL.search(chart), EXTERNAL.search(chart).group(0)
        assert "<?xml" not in chart


def test_months_are_abbreviated_the_french_way_with_the_year_on_the_first_and_january():
    days = [datetime.date(2025, 12, 31), datetime.date(2026, 1, 31), datetime.date(2026, 6, 30)]
    days.append(datetime.date(2026, 7, 31))
    assert month_labels(days) == ["déc. 2025", "janv. 2026", "juin", "juil."]


def test_a_status_has_the_same_colour_in_the_picture_and_its_legend():
    chart = stacked_bars(
        ["Groupe A"],
        {"Réalisées": [1], "En retard": [2]},
        title="Avancement",
        colours=[STATUS_COLOURS["done"], STATUS_COLOURS["late"]],
    )
    wide = PICTURE.findall(chart)[0][1]
    for colour in (STATUS_COLOURS["done"], STATUS_COLOURS["late"]):
        assert colour in wide
        assert f'fill="{colour}"' in chart  # the legend's swatch


def test_crowded_month_labels_are_thinned_out_rather_than_overlapping():
    months = [datetime.date(2026, month, 28) for month in range(1, 13)]
    labels = month_labels(months)
    chart = bar_chart(labels, list(range(12)), title="Personnes formées", name="Personnes formées")
    wide, narrow = (svg for _name, svg in PICTURE.findall(chart))
    shown_wide, shown_narrow = (
        [label for label in labels if re.search(rf"<text[^>]*>{re.escape(label)}</text>", svg)]
        for svg in (wide, narrow)
    )
    # Months that would overlap are not all written (the table beside the chart gives each), the first always.
    assert 6 <= len(shown_wide) <= 12 and shown_wide[0] == "janv. 2026"
    assert 3 <= len(shown_narrow) < len(shown_wide) and shown_narrow[0] == "janv. 2026"
