"""What a search is asked: the query text as the search reads it and the filters chosen beside it.

Plain values, shared by the form that checks them (search.forms) and the services that answer them.
"""

import re
from dataclasses import dataclass

MAX_QUERY_LENGTH = 500
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_query(text: str) -> str:
    """The query as the search reads it: no control characters, single spaces, at most 500 characters."""
    text = CONTROL_CHARACTERS.sub(" ", str(text or ""))[:MAX_QUERY_LENGTH]
    return " ".join(text.split())


@dataclass(frozen=True)
class SearchFilters:
    type: str = ""
    metier: int | None = None
    groupe: int | None = None
    annee: int | None = None
    mot_cle: str = ""
    sort: str = "pertinence"
    # Also the results holding only the query's commonest word (search.services.site_search).
    everything: bool = False

    def selected(self, facet: str):
        return getattr(self, facet)
