"""Marking the words of a text that match a query, word by word: "de" never lights up inside "médecins",
and stop words are not marked."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import tokens

EXCERPT_LENGTH = 240


def _spans(text: str, terms: set) -> list[tuple[int, int]]:
    """Where the words of `terms` are: a term (str) wherever it is, an expression (tuple of terms) where its
    terms follow one another."""
    found = tokens(text)
    spans = [(token.start, token.end) for token in found if token.term in terms]
    expressions = [term for term in terms if isinstance(term, tuple)]
    if expressions:
        # A compound's parts come before the joined word, which the query side alone gives: the parts go.
        words = []
        for token in found:
            while words and words[-1].start >= token.start and words[-1].end <= token.end:
                words.pop()
            words.append(token)
        sequence = [word.term for word in words]
        for expression in expressions:
            for index in range(len(words) - len(expression) + 1):
                if tuple(sequence[index : index + len(expression)]) == expression:
                    spans.append((words[index].start, words[index + len(expression) - 1].end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, spans, start: int, end: int) -> str:
    pieces, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces += [escape(text[cursor:span_start]), f"<mark>{escape(text[span_start:span_end])}</mark>"]
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    return "".join(pieces)


def highlighted(text: str, terms: set) -> SafeString:
    """The whole text, escaped, its matching words in <mark>."""
    text = " ".join(str(text or "").split())
    return mark_safe(_marked(text, _spans(text, terms), 0, len(text)))


def excerpt(passages: list[str], terms: set, length: int = EXCERPT_LENGTH) -> SafeString:
    """The passage with the most matching words, cut to about `length` characters around the first of
    them, with "…" where it is cut; "" when no passage matches."""
    best = None
    for passage in passages:
        text = " ".join(passage.split())
        spans = _spans(text, terms)
        if spans and (best is None or len(spans) > len(best[1])):
            best = (text, spans)
    if best is None:
        return mark_safe("")
    text, spans = best
    start = 0
    if spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text) and " " in text[start:end]:
        end = text.rfind(" ", start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + _marked(text, spans, start, end) + suffix)


def beginning(passages: list[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """The first passage, escaped and cut to about `length` characters: the excerpt when no word matches
    (a result found through a synonym in its tags, say)."""
    text = next((" ".join(passage.split()) for passage in passages if passage.strip()), "")
    if len(text) > length:
        cut = text.rfind(" ", 0, length)
        text = text[: cut if cut > 0 else length] + " …"
    return mark_safe(escape(text))
