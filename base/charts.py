"""Charts drawn on the server as inline SVG (pygal), with no script and nothing fetched from elsewhere.

Each chart is a picture with a spoken summary (role="img", aria-label); the figures themselves are always
given next to it in an HTML table, which is what assistive technologies read. The dashboard and the working
groups' indicators draw theirs here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from decimal import Decimal

import pygal
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style


def format_number(value: Decimal | int | None, unit: str = "") -> str:
    """A number the French way (1 234,5), without trailing zeros, followed by its unit."""
    if value is None:
        return ""
    value = Decimal(value)
    text = number_format(
        value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize(), force_grouping=True
    )
    return f"{text}\u00a0{unit}" if unit else text


# The portal's palette (static/css/base.css), dark enough on white for lines and bars.
COLOURS = ("#0b5563", "#a8431b", "#1b4a85", "#175a32", "#6e4308", "#98211c", "#3b4651")
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#1c2630",
    foreground_strong="#1c2630",
    foreground_subtle="#8a96a1",
    font_family='system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=12,
    colors=COLOURS,
    # Full colours, as in the HTML legend.
    opacity="1",
    opacity_hover=".85",
)
COMMON = {
    "style": STYLE,
    "js": [],  # pygal's default points at a CDN: the portal serves no outside script.
    "disable_xml_declaration": True,
    # The legend is HTML under the picture (pygal's, at the bottom, is cut off once it needs two rows).
    "show_legend": False,
    "height": 360,
    "margin": 12,
    "print_values": False,
    "include_x_axis": True,
    "truncate_legend": -1,
    "truncate_label": -1,
}

_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ROOT = re.compile(r"<svg\b")


def _french_date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _accessible(svg: str, title: str, summary: str, legend: Sequence[str] = ()) -> SafeString:
    """The SVG without pygal's inline script and comments, as an image with a name and a title, and the
    legend of its series."""
    svg = _COMMENT.sub("", _SCRIPT.sub("", svg))
    label = escape(f"{title} : {summary}" if summary else title)
    svg = _ROOT.sub(f'<svg role="img" aria-label="{label}" focusable="false"', svg, count=1)
    svg = svg.replace(">", f"><title>{label}</title>", 1)
    return mark_safe(svg + _legend(legend))  # pygal's markup, its texts escaped by lxml; names escaped


SWATCH = "chart-legend__swatch"


def _legend(names: Sequence[str]) -> str:
    """The series' names with their colours (static/css/progress.css .chart-legend__swatch--N)."""
    if len(names) < 2:
        return ""
    items = "".join(
        f'<li><span class="{SWATCH} {SWATCH}--{number % len(COLOURS)}"></span>{escape(name)}</li>'
        for number, name in enumerate(names)
    )
    return f'<ul class="chart-legend" aria-hidden="true">{items}</ul>'


def _number(value) -> float | None:
    return None if value is None else float(value)


def line_chart(
    series: dict[str, Sequence[tuple[datetime.date, Decimal | int | None]]],
    *,
    title: str,
    target: Decimal | None = None,
    target_label: str = "Cible",
    unit: str = "",
    summary: str = "",
) -> SafeString:
    """Values over time, one line per series, with the target (if any) as a dashed horizontal line."""
    chart = pygal.DateLine(
        **COMMON,
        x_value_formatter=_french_date,
        value_formatter=lambda value: format_number(Decimal(str(value)), unit),
        x_label_rotation=0,
        dots_size=4,
    )
    dates = sorted({point[0] for points in series.values() for point in points})
    for name, points in series.items():
        chart.add(name, [(day, _number(value)) for day, value in points])
    if target is not None and dates:
        chart.add(
            target_label, [(dates[0], float(target)), (dates[-1], float(target))], stroke_style={"dasharray": "8,6"}
        )
    if len(dates) > 1:
        chart.x_labels = dates if len(dates) <= 6 else dates[:: max(1, len(dates) // 6)]
    names = [*series, *([target_label] if target is not None and dates else [])]
    return _accessible(chart.render(is_unicode=True), title, summary, names)


def stacked_bars(
    labels: Sequence[str],
    series: dict[str, Sequence[int]],
    *,
    title: str,
    summary: str = "",
    horizontal: bool = True,
) -> SafeString:
    """Counts per label, the series piled up (e.g. steps by state, for each group)."""
    chart_class = pygal.HorizontalStackedBar if horizontal else pygal.StackedBar
    options = dict(COMMON)
    if horizontal:
        options["height"] = max(240, 60 + 48 * len(labels))
    chart = chart_class(**options, value_formatter=lambda value: format_number(int(value or 0)))
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, list(values))
    return _accessible(chart.render(is_unicode=True), title, summary, list(series))


def bar_chart(labels: Sequence[str], values: Sequence[int], *, title: str, name: str, summary: str = "") -> SafeString:
    """One count per label, as vertical bars (e.g. a cumulative count month by month)."""
    chart = pygal.Bar(**COMMON, value_formatter=lambda value: format_number(int(value or 0)))
    chart.x_labels = list(labels)
    chart.add(name, list(values))
    return _accessible(chart.render(is_unicode=True), title, summary)
