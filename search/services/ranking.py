"""How well an indexed item answers a query: the same on every search engine.

The engine finds the candidates; this orders them. Each concept of the query counts once, by the best
field holding one of its alternatives (title over summary over structured fields over body) times the
alternative's weight and how rare the concept is; results holding every concept, the words in a row or
the exact title come first; recent items of the kinds that favour them (news) are gently favoured, and every
dated item when the query asks for the latest; what the query asks for (search.services.intent: a year,
people, documents) weighs last.
"""

import datetime

from ..declarations import recent_kinds
from ..models import SearchRecord
from .query import ParsedQuery
from .vocabulary import Vocabulary

ZONE_WEIGHTS = (("title", 5.0), ("summary", 3.0), ("fields", 2.0), ("body", 1.5))
PHRASE_BONUS = {"title": 2.0, "summary": 1.8, "fields": 1.6, "body": 1.6}
# A result holding only some of the query's concepts keeps (share held) ** this of its score.
COVERAGE_EXPONENT = 1.5
EXACT_TITLE_BONUS = 1.5
# A recent item (of a kind that favours recent items: search.registry) loses its bonus over a year.
RECENCY_BONUS = 0.2
RECENCY_DAYS = 365
# A query asking for the latest ("dernier", "nouveau"…): every dated item, newest first, over three years.
ASKED_RECENCY_BONUS = 1.0
ASKED_RECENCY_DAYS = 3 * 365
# A query naming a year: items dated that year.
YEAR_BONUS = 1.3


def _padded(record: SearchRecord, body_terms: set[str]) -> dict[str, str]:
    return {
        "title": f" {record.title} ",
        "summary": f" {record.summary} ",
        "fields": f" {record.fields} ",
        "body": f" {' '.join(body_terms)} ",
    }


def _holds(text: str, padded_terms: tuple[str, ...]) -> bool:
    return all(term in text for term in padded_terms)


class Scorer:
    """Scores records against one query; what depends on the query alone is worked out once."""

    def __init__(self, query: ParsedQuery, vocabulary: Vocabulary, today: datetime.date):
        # Per concept, its alternatives as (terms padded with spaces, weight × rarity), the most valuable first.
        self.concepts = [
            sorted(
                (
                    (
                        tuple(f" {term} " for term in alternative.terms),
                        alternative.weight * max(vocabulary.idf(term) for term in alternative.terms),
                    )
                    for alternative in concept.alternatives
                ),
                key=lambda entry: -entry[1],
            )
            for concept in query.concepts
        ]
        self.phrase = f" {' '.join(query.phrase)} " if len(query.phrase) > 1 else ""
        self.title = " ".join(query.phrase)
        self.today = today
        self.recent_kinds = recent_kinds()
        self.intent = query.intent

    def _best(self, zones: dict[str, str], alternatives) -> float:
        best = 0.0
        top_weight = ZONE_WEIGHTS[0][1]
        for padded_terms, value in alternatives:
            if top_weight * value <= best:
                break
            for zone, weight in ZONE_WEIGHTS:
                if weight * value <= best:
                    break
                if _holds(zones[zone], padded_terms):
                    best = weight * value
                    break
        return best

    def score(self, record: SearchRecord, body_terms: set[str], body_has_phrase: bool = False) -> float:
        """The record's relevance; `body_terms` are the query's terms its body holds and `body_has_phrase`
        whether it holds them in a row (both read by the database, so long bodies never leave it)."""
        zones = _padded(record, body_terms)
        total, matched = 0.0, 0
        for alternatives in self.concepts:
            best = self._best(zones, alternatives)
            if best:
                matched += 1
                total += best
        if not matched:
            return 0.0
        total *= (matched / len(self.concepts)) ** COVERAGE_EXPONENT
        if self.phrase:
            for zone, bonus in PHRASE_BONUS.items():
                if body_has_phrase if zone == "body" else self.phrase in zones[zone]:
                    total *= bonus
                    break
        if self.title and record.title == self.title:
            total *= EXACT_TITLE_BONUS
        if record.date and (self.intent.recent or record.kind in self.recent_kinds):
            age = max((self.today - record.date).days, 0)
            bonus, days = (
                (ASKED_RECENCY_BONUS, ASKED_RECENCY_DAYS) if self.intent.recent else (RECENCY_BONUS, RECENCY_DAYS)
            )
            total *= 1 + bonus * max(0.0, 1 - age / days)
        if self.intent.year and record.date and record.date.year == self.intent.year:
            total *= YEAR_BONUS
        return total * self.intent.kinds.get(record.kind, 1.0)
