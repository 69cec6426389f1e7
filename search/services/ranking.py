"""How well an indexed item answers a query: the same on every search engine.

The engine finds the candidates; this orders them. Each concept of the query counts once, by the best
field holding one of its alternatives (title over summary over structured fields over body) times the
alternative's weight and how rare the concept is; results holding every concept, the words in a row or
the exact title come first; recent items of the kinds that favour them (news) are gently favoured, and every
dated item when the query asks for the latest; what the query asks for (search.services.intent: a year,
people, documents) weighs last.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ..declarations import recent_kinds
from ..models import SearchRecord
from .query import ORIGIN_LABELS, ParsedQuery
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


ZONE_LABELS = {"title": _("titre"), "summary": _("résumé"), "fields": _("champs"), "body": _("texte")}
FACTOR_LABELS = {
    "coverage": _("part des mots de la recherche trouvés"),
    "phrase_title": _("mots à la suite dans le titre"),
    "phrase_summary": _("mots à la suite dans le résumé"),
    "phrase_fields": _("mots à la suite dans les champs"),
    "phrase_body": _("mots à la suite dans le texte"),
    "exact_title": _("titre exact"),
    "recency": _("récent"),
    "asked_recency": _("récent, comme demandé"),
    "year": _("de l’année demandée"),
    "kind": _("type de résultat demandé"),
}


def _padded(record: SearchRecord, body_terms: set[str]) -> dict[str, str]:
    return {
        "title": f" {record.title} ",
        "summary": f" {record.summary} ",
        "fields": f" {record.fields} ",
        "body": f" {' '.join(body_terms)} ",
    }


def _holds(text: str, padded_terms: tuple[str, ...]) -> bool:
    return all(term in text for term in padded_terms)


@dataclass(frozen=True)
class ConceptMatch:
    """How one concept of the query was found in a result."""

    typed: str
    found: str  # the alternative's terms
    origin: str  # its label (query.ORIGIN_LABELS)
    zone: str  # where (ZONE_LABELS)
    weight: float  # the alternative's weight
    rarity: float  # how rare its terms are in the index (inverse document frequency)
    points: float


@dataclass
class Explanation:
    """« Pourquoi ce résultat ? »: the concepts matched and where, those missing, the bonuses applied."""

    matches: list[ConceptMatch] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    factors: list[tuple[str, float]] = field(default_factory=list)  # (what, multiplier)
    score: float = 0.0
    marginal: bool = False  # it holds only the query's commonest concept


def commonest_concept(query: ParsedQuery, vocabulary: Vocabulary) -> int | None:
    """The concept most items hold ("fiche" in "fiche de liaison"), when the query has several: a result
    holding it alone is marginal when others hold more of the query (search.services.site_search sets
    it aside)."""
    if len(query.concepts) < 2:
        return None

    def rarity(index: int) -> float:
        return max(
            vocabulary.idf(term) for alternative in query.concepts[index].alternatives for term in alternative.terms
        )

    return min(range(len(query.concepts)), key=rarity)


class Scorer:
    """Scores records against one query; what depends on the query alone is worked out once."""

    def __init__(self, query: ParsedQuery, vocabulary: Vocabulary, today: datetime.date):
        # Per concept, its alternatives as (terms padded with spaces, weight × rarity, the alternative,
        # rarity), the most valuable first.
        self.concepts = []
        for concept in query.concepts:
            rarities = [max(vocabulary.idf(term) for term in alternative.terms) for alternative in concept.alternatives]
            # A broader term is never rarer than what was asked: a rare broader term in a title would
            # otherwise outrank the asked concept itself found in a body.
            asked = max(
                (rarity for rarity, alt in zip(rarities, concept.alternatives, strict=True) if alt.origin != "broader"),
                default=0.0,
            )
            entries = []
            for alternative, rarity in zip(concept.alternatives, rarities, strict=True):
                if alternative.origin == "broader":
                    rarity = min(rarity, asked)
                padded = tuple(f" {term} " for term in alternative.terms)
                entries.append((padded, alternative.weight * rarity, alternative, rarity))
            self.concepts.append((concept.typed, sorted(entries, key=lambda entry: -entry[1])))
        self.commonest = commonest_concept(query, vocabulary)
        self.phrase = f" {' '.join(query.phrase)} " if len(query.phrase) > 1 else ""
        self.title = " ".join(query.phrase)
        self.today = today
        self.recent_kinds = recent_kinds()
        self.intent = query.intent

    def _best(self, zones: dict[str, str], alternatives) -> tuple[float, tuple | None, str]:
        """The best points one concept scores, with the alternative and the zone that gave them."""
        best, found, found_zone = 0.0, None, ""
        top_weight = ZONE_WEIGHTS[0][1]
        for entry in alternatives:
            value = entry[1]
            if top_weight * value <= best:
                break
            for zone, weight in ZONE_WEIGHTS:
                if weight * value <= best:
                    break
                if _holds(zones[zone], entry[0]):
                    best, found, found_zone = weight * value, entry, zone
                    break
        return best, found, found_zone

    def score(self, record: SearchRecord, body_terms: set[str], body_has_phrase: bool = False) -> float:
        """The record's relevance; `body_terms` are the query's terms its body holds and `body_has_phrase`
        whether it holds them in a row (both read by the database, so long bodies never leave it)."""
        return self._scored(record, body_terms, body_has_phrase, None)[0]

    def rank(self, record: SearchRecord, body_terms: set[str], body_has_phrase: bool = False) -> tuple[float, bool]:
        """The record's relevance, and whether it holds only the query's commonest concept."""
        return self._scored(record, body_terms, body_has_phrase, None)

    def explain(self, record: SearchRecord, body_terms: set[str], body_has_phrase: bool = False) -> Explanation:
        """The same score, with what made it."""
        explanation = Explanation()
        explanation.score, explanation.marginal = self._scored(record, body_terms, body_has_phrase, explanation)
        return explanation

    def _scored(self, record, body_terms, body_has_phrase, notes: Explanation | None) -> tuple[float, bool]:
        zones = _padded(record, body_terms)
        total, matched, last_matched = 0.0, 0, None
        for index, (typed, alternatives) in enumerate(self.concepts):
            best, entry, zone = self._best(zones, alternatives)
            if best:
                matched += 1
                last_matched = index
                total += best
                if notes is not None:
                    notes.matches.append(_concept_match(typed, entry, zone, best))
            elif notes is not None:
                notes.missing.append(typed)
        if not matched:
            return 0.0, False
        for label, multiplier in self._factors(record, zones, body_has_phrase, matched):
            total *= multiplier
            if notes is not None and multiplier != 1:
                notes.factors.append((str(label), multiplier))
        return total, matched == 1 and last_matched == self.commonest

    def _factors(self, record, zones, body_has_phrase, matched):
        """What multiplies the concepts' points: (what, by how much)."""
        yield FACTOR_LABELS["coverage"], (matched / len(self.concepts)) ** COVERAGE_EXPONENT
        if self.phrase:
            for zone, bonus in PHRASE_BONUS.items():
                if body_has_phrase if zone == "body" else self.phrase in zones[zone]:
                    yield FACTOR_LABELS[f"phrase_{zone}"], bonus
                    break
        if self.title and record.title == self.title:
            yield FACTOR_LABELS["exact_title"], EXACT_TITLE_BONUS
        if record.date and (self.intent.recent or record.kind in self.recent_kinds):
            age = max((self.today - record.date).days, 0)
            if self.intent.recent:
                yield FACTOR_LABELS["asked_recency"], 1 + ASKED_RECENCY_BONUS * max(0.0, 1 - age / ASKED_RECENCY_DAYS)
            else:
                yield FACTOR_LABELS["recency"], 1 + RECENCY_BONUS * max(0.0, 1 - age / RECENCY_DAYS)
        if self.intent.year and record.date and record.date.year == self.intent.year:
            yield FACTOR_LABELS["year"], YEAR_BONUS
        yield FACTOR_LABELS["kind"], self.intent.kinds.get(record.kind, 1.0)


def _concept_match(typed: str, entry: tuple, zone: str, points: float) -> ConceptMatch:
    alternative = entry[2]
    found = " ".join(alternative.terms)
    return ConceptMatch(
        typed,
        found,
        str(ORIGIN_LABELS[alternative.origin]),
        str(ZONE_LABELS[zone]),
        alternative.weight,
        entry[3],
        points,
    )
