"""How well an indexed item answers a query: the same on every search engine.

The engine finds the candidates; this orders them. Each concept of the query counts once, by the best
field holding one of its alternatives (title over summary over structured fields over body) times the
alternative's weight and how rare the concept is; results holding every concept, the words in a row or
the exact title come first; recent news is gently favoured.
"""

import datetime

from ..models import SearchRecord
from .query import ParsedQuery
from .vocabulary import Vocabulary

ZONE_WEIGHTS = (("title", 8.0), ("summary", 4.0), ("fields", 2.0), ("body", 1.0))
PHRASE_BONUS = {"title": 1.6, "summary": 1.3, "fields": 1.15}
EXACT_TITLE_BONUS = 1.5
NEWS_KIND = "actualites"
# News loses its bonus over a year.
RECENCY_BONUS = 0.2
RECENCY_DAYS = 365


def _padded(record: SearchRecord, body_terms: set[str]) -> dict[str, str]:
    return {
        "title": f" {record.title} ",
        "summary": f" {record.summary} ",
        "fields": f" {record.fields} ",
        "body": f" {' '.join(body_terms)} ",
    }


def _holds(text: str, terms: tuple[str, ...]) -> bool:
    return all(f" {term} " in text for term in terms)


def score(
    record: SearchRecord, query: ParsedQuery, vocabulary: Vocabulary, today: datetime.date, body_terms: set[str]
) -> float:
    """The record's relevance; `body_terms` are the query's terms its body holds (read by the database,
    so long bodies never leave it)."""
    zones = _padded(record, body_terms)
    total, matched = 0.0, 0
    for concept in query.concepts:
        best = 0.0
        for alternative in concept.alternatives:
            value = alternative.weight * max(vocabulary.idf(term) for term in alternative.terms)
            for zone, weight in ZONE_WEIGHTS:
                if weight * value <= best:
                    break
                if _holds(zones[zone], alternative.terms):
                    best = weight * value
                    break
        if best:
            matched += 1
            total += best
    if not matched:
        return 0.0
    total *= (matched / len(query.concepts)) ** 2
    if len(query.phrase) > 1:
        phrase = f" {' '.join(query.phrase)} "
        for zone, bonus in PHRASE_BONUS.items():
            if phrase in zones[zone]:
                total *= bonus
                break
    if query.phrase and record.title == " ".join(query.phrase):
        total *= EXACT_TITLE_BONUS
    if record.kind == NEWS_KIND and record.date:
        age = (today - record.date).days
        total *= 1 + RECENCY_BONUS * max(0.0, 1 - max(age, 0) / RECENCY_DAYS)
    return total
