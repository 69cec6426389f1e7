"""Charts drawn on the server as inline SVG (pygal), with no script and nothing fetched from elsewhere.

Each chart is a picture with a spoken summary (role="img", aria-label); the figures themselves are always
given next to it in an HTML table, which is what assistive technologies read. The dashboard and the working
groups' indicators draw theirs here.
"""

from __future__ import annotations

import datetime
import hashlib
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


# The portal's palette (static/css/base.css), dark enough on white for lines and bars (at least 3:1).
PRIMARY, INFO, WARNING, SUCCESS, DANGER, NEUTRAL, BROWN = (
    "#0b5563",
    "#1b4a85",
    "#6e4308",
    "#175a32",
    "#98211c",
    "#3b4651",
    "#a8431b",
)
COLOURS = (PRIMARY, BROWN, INFO, SUCCESS, WARNING, DANGER, NEUTRAL)
# One colour per status, in every chart and on the status badges (static/css/components.css, progress.css).
STATUS_COLOURS = {
    # Needs sheets.
    "submitted": INFO,
    "under_review": WARNING,
    "retained": SUCCESS,
    "not_retained": DANGER,
    # Steps of the action sheets.
    "done": SUCCESS,
    "doing": PRIMARY,
    "late": DANGER,
    "todo": WARNING,
    "abandoned": NEUTRAL,
}
# French abbreviations of the months (Imprimerie nationale), as in « juil. 2026 ».
MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")

FONT_SIZE = 13
# Each chart is drawn twice: for wide screens, and narrow enough for a phone to show its text at 11 px at
# least (a 400-unit picture in the ~360 px of a 390 px screen): CSS shows one (static/css/progress.css).
WIDE, NARROW = 800, 400
# An upper bound of the width of a character of the chart's font, in font sizes, to keep labels apart.
CHARACTER_WIDTH = 0.6
# The least room between two labels of an axis.
GAP = 6


def _style(colours: Sequence[str]) -> Style:
    return Style(
        background="transparent",
        plot_background="transparent",
        foreground="#1c2630",
        foreground_strong="#1c2630",
        foreground_subtle="#8a96a1",
        font_family='system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
        label_font_size=FONT_SIZE,
        major_label_font_size=FONT_SIZE,
        legend_font_size=14,
        value_font_size=12,
        colors=tuple(colours),
        # Full colours, as in the HTML legend.
        opacity="1",
        opacity_hover=".85",
    )


COMMON = {
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
    "x_label_rotation": 0,
}


_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ROOT = re.compile(r"<svg\b")


def month_label(day: datetime.date, *, with_year: bool = True) -> str:
    """« juil. 2026 », or « juil. » without the year."""
    month = MONTHS[day.month - 1]
    return f"{month} {day.year}" if with_year else month


def month_labels(days: Sequence[datetime.date]) -> list[str]:
    """The months of an axis: the year is written on the first and on each January only."""
    return [month_label(day, with_year=index == 0 or day.month == 1) for index, day in enumerate(days)]


def _text_width(text: str) -> float:
    return len(text) * FONT_SIZE * CHARACTER_WIDTH


def _spaced_labels(labels: Sequence[str], width: int, margin: float) -> dict:
    """pygal options that write every n-th label of a horizontal axis, n the smallest that keeps each written
    label apart from the next, with room at the right for the last one's second half (so that none is cut,
    as « 07/11/202 » was)."""
    if not labels:
        return {}
    widths = [_text_width(label) for label in labels]
    right = max(12.0, max(widths) / 2)
    plot_width = width - margin - right - 40  # the values' axis takes about 40 units at the left
    slot = plot_width / len(labels)
    every = 1
    while every < len(labels) and any(
        (widths[index] + widths[index + every]) / 2 + GAP > slot * every
        for index in range(0, len(labels) - every, every)
    ):
        every += 1
    options = {"margin_right": right}
    if every > 1:
        options.update(x_labels_major_every=every, show_minor_x_labels=False)
    return options


def _shortened(label: str, length: int = 20) -> str:
    return label if len(label) <= length else label[: length - 1].rstrip() + "…"


def _french_date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _accessible(svg: str, label: str) -> str:
    """The SVG without pygal's inline script and comments, as an image with a name and a title."""
    svg = _COMMENT.sub("", _SCRIPT.sub("", svg))
    svg = _ROOT.sub(f'<svg role="img" aria-label="{label}" focusable="false"', svg, count=1)
    return svg.replace(">", f"><title>{label}</title>", 1)


def _picture(draw, title: str, summary: str, data, legend: Sequence[tuple[str, str]] = ()) -> SafeString:
    """The chart drawn wide and narrow (`draw(width)` gives the pygal chart), as named images, then the legend
    of its series (name, colour).

    pygal names each picture (its styles are scoped by that id) at random: the name is made of what the
    picture shows instead, so that the same figures give the same bytes (shared fragments, base.page_cache).
    """
    label = escape(f"{title} : {summary}" if summary else title)
    variants = []
    for name, width in (("wide", WIDE), ("narrow", NARROW)):
        chart = draw(width)
        chart.uuid = hashlib.sha256(repr((title, summary, data, width)).encode()).hexdigest()[:20]
        svg = _accessible(chart.render(is_unicode=True), label)
        variants.append(f'<div class="chart__variant chart__variant--{name}">{svg}</div>')
    return mark_safe("".join(variants) + _legend(legend))  # pygal's markup, its texts escaped by lxml; names escaped


def _legend(entries: Sequence[tuple[str, str]]) -> str:
    """The series' names with their colours, drawn as SVG squares (no style attribute: the CSP allows none)."""
    if len(entries) < 2:
        return ""
    items = "".join(
        '<li><svg class="chart-legend__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">'
        f'<rect width="10" height="10" rx="2" fill="{escape(colour)}"/></svg>{escape(name)}</li>'
        for name, colour in entries
    )
    return f'<ul class="chart-legend" aria-hidden="true">{items}</ul>'


def _colours(names: Sequence[str], colours: Sequence[str] | None) -> list[str]:
    colours = list(colours or ())
    return [colours[index] if index < len(colours) else COLOURS[index % len(COLOURS)] for index in range(len(names))]


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
    colours: Sequence[str] | None = None,
) -> SafeString:
    """Values over time, one line per series, with the target (if any) as a dashed horizontal line."""
    dates = sorted({point[0] for points in series.values() for point in points})
    names = [*series, *([target_label] if target is not None and dates else [])]
    palette = _colours(names, colours)
    shown_dates = dates if len(dates) <= 6 else dates[:: max(1, len(dates) // 6)]

    def draw(width: int) -> pygal.Graph:
        chart = pygal.DateLine(
            **COMMON,
            **_spaced_labels([_french_date(day) for day in shown_dates], width, COMMON["margin"]),
            width=width,
            style=_style(palette),
            x_value_formatter=_french_date,
            value_formatter=lambda value: format_number(Decimal(str(value)), unit),
            dots_size=4,
        )
        for name, points in series.items():
            chart.add(name, [(day, _number(value)) for day, value in points])
        if target is not None and dates:
            chart.add(
                target_label,
                [(dates[0], float(target)), (dates[-1], float(target))],
                stroke_style={"dasharray": "8,6"},
            )
        if len(dates) > 1:
            chart.x_labels = shown_dates
        return chart

    return _picture(draw, title, summary, (series, target, unit), list(zip(names, palette, strict=True)))


def stacked_bars(
    labels: Sequence[str],
    series: dict[str, Sequence[int]],
    *,
    title: str,
    summary: str = "",
    horizontal: bool = True,
    colours: Sequence[str] | None = None,
) -> SafeString:
    """Counts per label, the series piled up (e.g. steps by state, for each group)."""
    palette = _colours(list(series), colours)

    def draw(width: int) -> pygal.Graph:
        options = dict(COMMON)
        if horizontal:
            options["height"] = max(240, 60 + 48 * len(labels))
        else:
            options.update(_spaced_labels(labels, width, options["margin"]))
        chart_class = pygal.HorizontalStackedBar if horizontal else pygal.StackedBar
        chart = chart_class(
            **options,
            width=width,
            style=_style(palette),
            value_formatter=lambda value: format_number(int(value or 0)),
        )
        # Narrow, the names beside horizontal bars are cut short (the table beside the chart gives them whole).
        chart.x_labels = [_shortened(label) for label in labels] if horizontal and width == NARROW else list(labels)
        for name, values in series.items():
            chart.add(name, list(values))
        return chart

    return _picture(draw, title, summary, (labels, series), list(zip(series, palette, strict=True)))


def bar_chart(
    labels: Sequence[str],
    values: Sequence[int],
    *,
    title: str,
    name: str,
    summary: str = "",
    colour: str = PRIMARY,
) -> SafeString:
    """One count per label, as vertical bars (e.g. a cumulative count month by month)."""

    def draw(width: int) -> pygal.Graph:
        chart = pygal.Bar(
            **COMMON,
            **_spaced_labels(labels, width, COMMON["margin"]),
            width=width,
            style=_style([colour]),
            value_formatter=lambda value: format_number(int(value or 0)),
        )
        chart.x_labels = list(labels)
        chart.add(name, list(values))
        return chart

    return _picture(draw, title, summary, (labels, values, name))
