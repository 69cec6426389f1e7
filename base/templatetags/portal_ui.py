"""Presentation helpers for the portal's templates: links to directory cards, navigation state,
filter choices, pagination and highlighted search excerpts."""

import html
import unicodedata

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe

from base.text import fold

register = template.Library()

EXCERPT_LENGTH = 260


def _person_url(request, person_id) -> str:
    """A card's URL (DirectoryPage.card_url), from the directory's URL found once per request."""
    from people.models import DirectoryPage
    from people.services import directory_url

    return DirectoryPage.card_url(directory_url(request), person_id)


@register.simple_tag(takes_context=True)
def person_url(context, person) -> str:
    """The URL of a person's card in the directory ("" when there is no directory)."""
    if person is None or not getattr(person, "pk", None):
        return ""
    return _person_url(context.get("request"), person.pk)


@register.simple_tag(takes_context=True)
def nav_state(context, item) -> str:
    """aria-current value of a navigation item: "page" on the item itself, "true" inside its section."""
    page = context.get("page")
    if page is None or not getattr(page, "path", None):
        return ""
    if page.path == item.path:
        return "page"
    if page.path.startswith(item.path):
        return "true"
    return ""


@register.filter
def as_choices(items, fields="") -> list[tuple[str, str]]:
    """(value, label) pairs for a filter <select>: from objects ("slug,name"), pairs, or plain values."""
    choices = []
    for item in items or []:
        if fields:
            value_attr, label_attr = fields.split(",")
            choices.append((str(getattr(item, value_attr)), str(getattr(item, label_attr))))
        elif isinstance(item, list | tuple):
            choices.append((str(item[0]), str(item[1])))
        else:
            choices.append((str(item), str(item)))
    return choices


@register.filter
def type_label(obj) -> str:
    """The human name of a page's or document's type ("Groupe de travail", "Document"…)."""
    meta = getattr(obj, "_meta", None)
    name = str(meta.verbose_name) if meta else ""
    return name[:1].upper() + name[1:]


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with Paginator.ELLIPSIS where some are left out."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


def _fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the position of its source character."""
    folded, positions = [], []
    for index, char in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", char)
        for folded_char in "".join(c for c in decomposed if not unicodedata.combining(c)).casefold():
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions


def _match_spans(text: str, query: str) -> list[tuple[int, int]]:
    terms = {fold(term) for term in query.split()}
    terms = sorted((t for t in terms if len(t) >= 2), key=len, reverse=True)
    if not terms:
        return []
    folded, positions = _fold_with_positions(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            spans.append((positions[start], positions[start + len(term) - 1] + 1))
            start = folded.find(term, start + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@register.filter
def highlight(text, query="") -> str:
    """Plain text shortened around the first match of the query, with matches wrapped in <mark>.

    Matching ignores case and accents, like the search itself ("medecin" marks "Médecin").
    """
    # Rich text and auto-escaped values arrive as HTML: compare and cut the text a reader sees.
    text = " ".join(html.unescape(strip_tags(str(text or ""))).split())
    if not text:
        return ""
    spans = _match_spans(text, str(query or ""))
    window_start = 0
    if spans and spans[0][0] > EXCERPT_LENGTH // 3:
        window_start = text.rfind(" ", 0, spans[0][0] - EXCERPT_LENGTH // 4) + 1
    window_end = min(len(text), window_start + EXCERPT_LENGTH)
    if window_end < len(text):
        window_end = text.rfind(" ", window_start, window_end) if " " in text[window_start:window_end] else window_end
    pieces = ["… "] if window_start > 0 else []
    cursor = window_start
    for start, end in spans:
        if end <= window_start or start >= window_end:
            continue
        start, end = max(start, window_start), min(end, window_end)
        pieces.append(conditional_escape(text[cursor:start]))
        pieces.append(f"<mark>{conditional_escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(conditional_escape(text[cursor:window_end]))
    if window_end < len(text):
        pieces.append(" …")
    return mark_safe("".join(str(piece) for piece in pieces))


@register.simple_tag
def site_name() -> str:
    """The portal's name (settings.WAGTAIL_SITE_NAME); reads no database, so error pages can use it."""
    return settings.WAGTAIL_SITE_NAME
