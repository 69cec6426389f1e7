"""Charts are inline SVG pictures with a name, with no script and nothing fetched from another host."""

import datetime
import re
from decimal import Decimal

from base.charts import bar_chart, line_chart, stacked_bars

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
    for svg in _charts():
        assert svg.startswith('<svg role="img" aria-label="')
        assert "<title>" in svg
        assert not EXTERNAL.search(svg), EXTERNAL.search(svg).group(0)
        assert "<?xml" not in svg


def test_values_use_french_number_formats():
    svg = _charts()[0]
    assert "120 jours" in svg.replace("\u00a0", " ")
    assert "31/01/2026" in svg
