"""Text helpers shared by the apps."""

import re
import unicodedata

from django.conf import settings
from django.utils.text import slugify


def fold(text: str) -> str:
    """Lower-case and strip accents so that "Médecin du travail" matches "medecin du TRAVAIL"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


# Control characters but tab and line breaks, DEL, lone surrogates, U+FFFE and U+FFFF: stored text may hold
# them (typed, pasted, imported), but XML 1.0 (RSS, Atom) cannot carry them, nor iCalendar TEXT, nor a
# database's text column (NUL on PostgreSQL).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable(value) -> str:
    """The text without the characters that break a feed, a calendar or a database ("" for None)."""
    return _UNPRINTABLE.sub("", str(value)) if value else ""


# The search backends build one nested condition per word: a long query is cut to its first words.
MAX_QUERY_WORDS = 32


def search_words(text: str) -> str:
    """The words of a search query, without the punctuation search engines read as syntax (quotes, brackets…)."""
    return " ".join(re.findall(r"\w+", text or ""))


def query_words(query: str) -> str:
    """The words a search engine receives: no query syntax, at most MAX_QUERY_WORDS words."""
    return " ".join(search_words(query).split()[:MAX_QUERY_WORDS])


# Inclusive writing marks between two parts of a word (« infirmier·ères », « salarié.e.s »): a middle dot or one
# of its look-alikes anywhere, a full stop only between two lower-case letters (« S.S.T. » stays one word).
# Also given to the admin's slug field (JavaScript), hence no \p{…} classes, which Python's re lacks.
INCLUSIVE_MARKS = re.compile(r"[\u00b7\u2022\u2027\u2219\u22c5]|(?<=[a-zà-öø-ÿ])\.(?=[a-zà-öø-ÿ])")


def title_slug(title: str) -> str:
    """The slug of a page title, inclusive writing marks separating words: « infirmier·ères » → infirmier-eres."""
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    return slugify(INCLUSIVE_MARKS.sub("-", title or ""), allow_unicode=allow_unicode)


def type_label(obj) -> str:
    """The human name of a model's, page's or document's type, capitalised ("Groupe de travail", "Document"…):
    the label a listing card or a search result shows."""
    meta = getattr(obj, "_meta", None)
    name = str(meta.verbose_name) if meta else ""
    return name[:1].upper() + name[1:]
