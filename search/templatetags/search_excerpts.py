"""Highlighted search excerpts for templates outside the search page (the document library's results)."""

import html

from django import template
from django.utils.html import strip_tags

from ..analysis import terms as query_terms
from ..highlighting import beginning, excerpt

register = template.Library()

EXCERPT_LENGTH = 260


@register.filter
def highlight(text, query="") -> str:
    """Plain text shortened around the words matching the query, those words wrapped in <mark>.

    Words match as the search matches them (search.analysis: accents, plurals, elisions), whole words
    only: "de" never marks the inside of "médecins".
    """
    # Rich text and auto-escaped values arrive as HTML: compare and cut the text a reader sees.
    text = html.unescape(strip_tags(str(text or "")))
    terms = set(query_terms(str(query or ""), for_query=True))
    return excerpt([text], terms, EXCERPT_LENGTH) or beginning([text], EXCERPT_LENGTH)
