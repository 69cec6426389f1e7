"""From what someone typed to what the search looks for: concepts, each with its alternative spellings.

A concept is a word of the query or a thesaurus expression. Its alternatives are the typed terms, the
thesaurus' other expressions and broader terms, the completions of a word being typed and the correction of a misspelt
word, each with a weight that ranking applies.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from base.text import MAX_QUERY_WORDS, fold

from ..analysis import NEVER_STEMMED, tokens
from ..parameters import clean_query
from .intent import Intent, query_intent
from .thesaurus import match_at
from .vocabulary import Vocabulary, current_vocabulary

TYPED, SYNONYM, COMPLETION, CORRECTION = 1.0, 0.9, 0.75, 0.7
# A broader term of the thesaurus ("troubles respiratoires" for "essoufflement"): found, below the rest.
# Zones weigh up to 5 / 1.5 = 3.3 times one another: at this weight a broader term in a title still
# scores below an equivalent in a body (search.services.ranking).
BROADER = 0.25
COMMON_SHARE = 0.2
COMMON_MIN_ITEMS = 500


@dataclass(frozen=True)
class Alternative:
    terms: tuple[str, ...]
    weight: float
    # Where it comes from, for « Pourquoi ce résultat ? »: a key of ORIGIN_LABELS.
    origin: str = "typed"


ORIGIN_LABELS = {
    "typed": _("mot de la recherche"),
    "synonym": _("synonyme du thésaurus"),
    "acronym": _("sigle ou son développement"),
    "broader": _("terme plus général"),
    "completion": _("mot complété"),
    "correction": _("orthographe corrigée"),
}


@dataclass
class Concept:
    typed: str
    alternatives: list[Alternative]

    @property
    def all_terms(self) -> set[str]:
        return {term for alternative in self.alternatives for term in alternative.terms}


@dataclass(frozen=True)
class Correction:
    """A misspelt word of the query (its place in the text) and the indexed word closest to it."""

    start: int
    end: int
    word: str
    term: str


@dataclass
class ParsedQuery:
    text: str
    concepts: list[Concept] = field(default_factory=list)
    # The typed terms in order: a result holding them in a row ranks higher.
    phrase: tuple[str, ...] = ()
    # The misspelt words and their corrections, in the order of the text. The vocabulary holds the words of
    # every indexed item, restricted or draft ones included: a correction is offered ("Vouliez-vous dire … ?")
    # only through suggestion(), with the terms of the results the reader gets.
    corrections: list[Correction] = field(default_factory=list)
    # On a large index, the query's terms held by some items but at most COMMON_SHARE of them: only
    # those find candidates when there are some ("travail", in nearly every page of an occupational-health
    # service, still ranks results but does not make the engine rank most of the index).
    telling_terms: frozenset | None = None
    # What the query asks beyond its words (search.services.intent).
    intent: Intent = field(default_factory=Intent)

    @property
    def highlight_terms(self) -> set:
        """What to mark in a result: single terms, and the expressions of several words (a thesaurus
        expansion) as tuples, marked only where their words follow one another: searching "CARSAT" marks
        « caisse d’assurance retraite et de la santé au travail », not every « travail »."""
        return {
            alternative.terms[0] if len(alternative.terms) == 1 else alternative.terms
            for concept in self.concepts
            for alternative in concept.alternatives
        }

    @property
    def correction_terms(self) -> set[str]:
        return {correction.term for correction in self.corrections}

    def suggestion(self, held_terms) -> str:
        """The query with its misspelt words corrected, only by corrections that some of the reader's results
        hold ("" when none): a word found only in what the reader may not open is never proposed."""
        kept = [correction for correction in self.corrections if correction.term in held_terms]
        if not kept:
            return ""
        pieces, cursor = [], 0
        for correction in kept:
            pieces += [self.text[cursor : correction.start], correction.word]
            cursor = correction.end
        return "".join(pieces) + self.text[cursor:]

    def __bool__(self):
        return bool(self.concepts)


def _is_acronym(expression: tuple[str, ...]) -> bool:
    return len(expression) == 1 and expression[0] in NEVER_STEMMED


def parse_query(text: str, *, typing: bool = False, vocabulary: Vocabulary | None = None) -> ParsedQuery:
    """The concepts of a query. With `typing`, the last word is being typed and may be completed."""
    text = clean_query(text)
    query_tokens = tokens(text, for_query=True)[:MAX_QUERY_WORDS]
    query_terms = [token.term for token in query_tokens]
    vocabulary = vocabulary or current_vocabulary()
    parsed = ParsedQuery(text=text, phrase=tuple(query_terms), intent=query_intent(text))
    position = 0
    while position < len(query_tokens):
        token = query_tokens[position]
        match = match_at(query_terms, position)
        if match:
            typed = tuple(query_terms[position : position + match.length])
            synonym = "acronym" if any(_is_acronym(expression) for expression in match.expressions) else "synonym"
            alternatives = [
                Alternative(expression, TYPED) if expression == typed else Alternative(expression, SYNONYM, synonym)
                for expression in match.expressions
            ]
            alternatives += [Alternative(expression, BROADER, "broader") for expression in match.broader]
            words = " ".join(found.word for found in query_tokens[position : position + match.length])
            parsed.concepts.append(Concept(words, alternatives))
            position += match.length
            continue
        if token.term in parsed.intent.optional_terms:
            position += 1  # a question word or "dernier": asked, not looked for
            continue
        alternatives = [Alternative((token.term,), TYPED)]
        folded = fold(token.word).replace("-", "")
        is_last = position == len(query_tokens) - 1
        if not vocabulary.knows(token.term) or (typing and is_last):
            completions = [term for _word, term in vocabulary.completions(folded) if term != token.term]
            alternatives += [Alternative((term,), COMPLETION, "completion") for term in dict.fromkeys(completions)]
            if not vocabulary.knows(token.term) and not completions:
                correction = vocabulary.correction(folded)
                if correction:
                    word, term = correction
                    alternatives.append(Alternative((term,), CORRECTION, "correction"))
                    parsed.corrections.append(Correction(token.start, token.end, word, term))
        parsed.concepts.append(Concept(token.word, alternatives))
        position += 1
    if vocabulary.items >= COMMON_MIN_ITEMS:
        threshold = COMMON_SHARE * vocabulary.items
        parsed.telling_terms = frozenset(
            term
            for concept in parsed.concepts
            for term in concept.all_terms
            if 0 < vocabulary.terms.get(term, 0) <= threshold
        )
    return parsed
