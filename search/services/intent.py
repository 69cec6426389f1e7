"""What a query asks for beyond its words: question words and filler that need not be found, a wish for the
latest items ("dernier", "nouveau", "récent"), a year, people ("qui…"), documents ("modèle", "trame").

Pure functions of the query's text, reusable wherever text is matched against content (related content,
similar needs), so that « qui suit les TMS ? » means the same everywhere.
"""

from dataclasses import dataclass, field
from functools import cache

from base.text import fold

from ..analysis import terms, tokens

# Words that ask rather than say: a page need not hold them.
QUESTION_WORDS = (
    "comment pourquoi quand combien quoi faut faut-il peut peut-on peuvent doit doit-on doivent dois est-ce "
    "existe-t-il existe faire-t-on sait-on"
)
# Words that ask for the latest items: favoured by date, not looked for in the text.
RECENT_WORDS = "dernier dernière derniers dernières nouveau nouvelle nouveaux nouvelles récent récente récents récentes"
DOCUMENT_WORDS = "modèle trame formulaire gabarit"
PEOPLE_OPENING = "qui"
FIRST_YEAR, LAST_YEAR = 1990, 2100
# "qui…" asks for someone: a card whose job title answers outranks a page whose title does.
PEOPLE_KIND, PEOPLE_BONUS = "personnes", 2.0
DOCUMENTS_KIND, DOCUMENTS_BONUS = "documents", 1.4


@dataclass(frozen=True)
class Intent:
    # Terms of the query that need not be found (question words, recency words).
    optional_terms: frozenset = frozenset()
    recent: bool = False
    year: int | None = None
    # Kinds the query favours: {kind key: factor}.
    kinds: dict = field(default_factory=dict)

    def __bool__(self):
        return bool(self.optional_terms or self.recent or self.year or self.kinds)


@cache
def _terms_of(words: str) -> frozenset[str]:
    return frozenset(term for word in words.split() for term in terms(word, for_query=True))


def query_intent(text: str) -> Intent:
    query_tokens = tokens(text, for_query=True)
    query_terms = [token.term for token in query_tokens]
    recent = bool(_terms_of(RECENT_WORDS) & set(query_terms))
    optional = (_terms_of(QUESTION_WORDS) | _terms_of(RECENT_WORDS)) & set(query_terms)
    years = [int(term) for term in query_terms if term.isdigit() and FIRST_YEAR <= int(term) <= LAST_YEAR]
    kinds = {}
    words = fold(text).lower().split()
    if words and words[0] == PEOPLE_OPENING:
        kinds[PEOPLE_KIND] = PEOPLE_BONUS
    if _terms_of(DOCUMENT_WORDS) & set(query_terms):
        kinds[DOCUMENTS_KIND] = DOCUMENTS_BONUS
    # A query made only of such words keeps them: they are all it says.
    if optional >= set(query_terms):
        optional = frozenset()
    return Intent(frozenset(optional), recent, years[0] if years else None, kinds)
