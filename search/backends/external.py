"""Elasticsearch 8/9 and OpenSearch 2/3 through Wagtail's own backends (the modelsearch package), with
French analysis: elision, lower case, accent folding, French stop words and the light French stemmer on
every full-text field, and the thesaurus (search.models.Synonym) as synonyms at search time.

Configured by portal.settings.search from SEARCH_URL, always beside the database backend ("database"),
which the ranking reads and which answers when this engine does not (search.services.engines).
"""

import re
from copy import deepcopy
from functools import cache
from importlib import import_module

from django.core.exceptions import ImproperlyConfigured
from modelsearch.index import AutocompleteField, FilterField, SearchField
from modelsearch.utils import deep_update

from ..analysis import NEVER_STEMMED, STOP_WORDS
from ..models import Synonym
from ..records import ANALYSED_FIELD, IndexedTitleField

# Engine name (SEARCH_ENGINE) -> modelsearch module whose backend is extended here.
ENGINE_MODULES = {
    "elasticsearch9": "modelsearch.backends.elasticsearch9",
    "elasticsearch8": "modelsearch.backends.elasticsearch8",
    "opensearch3": "modelsearch.backends.opensearch3",
    "opensearch2": "modelsearch.backends.opensearch2",
}
DEFAULT_ENGINE = "elasticsearch9"

FRENCH_ANALYZER = "french_portal"
FRENCH_SEARCH_ANALYZER = "french_portal_search"
THESAURUS_FILTER = "french_portal_thesaurus"
ELISION_ARTICLES = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]

# Accents are folded before stop words and synonyms, so the stop list is the portal's folded one and a
# thesaurus line matches with or without accents.
_INDEX_CHAIN = ["french_elision", "lowercase", "asciifolding", "french_stop", "french_acronyms", "french_stemmer"]
FRENCH_ANALYSIS = {
    "filter": {
        "french_elision": {"type": "elision", "articles_case": True, "articles": ELISION_ARTICLES},
        "french_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
        # The glossary's acronyms pass the stemmer untouched, as in search.analysis.
        "french_acronyms": {"type": "keyword_marker", "keywords": sorted(NEVER_STEMMED)},
        "french_stemmer": {"type": "stemmer", "language": "light_french"},
    },
    "analyzer": {
        # Two lists: the search chain gains the thesaurus, the index chain does not.
        FRENCH_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": list(_INDEX_CHAIN)},
        FRENCH_SEARCH_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": list(_INDEX_CHAIN)},
    },
}

# An unreachable engine must fail in seconds so that the database answers instead: short timeout, one
# retry for a refused connection, none after a timeout.
DEFAULT_TIMEOUT = 3
CLIENT_OPTIONS = {"max_retries": 1, "retry_on_timeout": False}


def thesaurus_rules() -> list[str]:
    """One synonym line per thesaurus entry ("TMS, troubles musculo-squelettiques, tms, troubl
    musculosquelet"), one way towards its broader terms when it has some. The portal sends analysed terms
    to the engine (search.services.engines), so each line lists its expressions both as written and as
    terms."""
    rules = []
    for synonym in Synonym.objects.all():
        equivalents = _rule_expressions(synonym.expression_list, synonym.term_groups())
        broader = _rule_expressions(synonym.broader_list, synonym.broader_term_groups())
        broader = [text for text in broader if text not in equivalents]
        if broader and equivalents:
            # One way: "essoufflement" also finds "troubles respiratoires", not the reverse. The engine cannot
            # weigh them lower: the portal's ranking does (search.services.ranking).
            rules.append(f"{', '.join(equivalents)} => {', '.join(equivalents + broader)}")
        elif len(equivalents) > 1:
            rules.append(", ".join(equivalents))
    return rules


def _rule_expressions(expressions: list[str], term_groups: list[tuple[str, ...]]) -> list[str]:
    by_key: dict[str, str] = {}
    for text in [_rule_text(expression) for expression in expressions] + [" ".join(terms) for terms in term_groups]:
        if text:
            by_key.setdefault(text.casefold(), text)
    return list(by_key.values())


def _rule_text(expression: str) -> str:
    # Characters with a meaning in the synonym format ("=>", "#", "\") never come from the thesaurus.
    return " ".join(re.sub(r"[^\w'’-]+", " ", expression).split())


def _use_french_analyzers(properties: dict) -> None:
    for field in properties.values():
        if field.get("type") == "nested":
            _use_french_analyzers(field["properties"])
        elif field.get("type") == "text" and "analyzer" not in field:
            # Autocomplete fields keep modelsearch's edge n-grams (they name their analyzer).
            field["analyzer"] = FRENCH_ANALYZER
            field["search_analyzer"] = FRENCH_SEARCH_ANALYZER


class FrenchMappingMixin:
    """Every full-text field of the mapping, the catch-all `_all_text` ones included, analysed in French."""

    def get_field_column_name(self, field):
        if field.field_name != ANALYSED_FIELD and hasattr(field.get_definition_model(self.model), "_meta"):
            return super().get_field_column_name(field)
        # The analysed text (search.records), or a field defined by a mixin that is not a model, which
        # modelsearch cannot name a prefix after: one column, of one type, for every model that holds it.
        name = field.get_attname(self.model)
        if isinstance(field, FilterField):
            return name + "_filter"
        if isinstance(field, AutocompleteField):
            return name + "_edgengrams"
        return name

    def get_mapping(self):
        mapping = super().get_mapping()
        _use_french_analyzers(mapping["properties"])
        return mapping

    def _get_document_field_data(self, field, obj):
        if isinstance(field, IndexedTitleField):
            # The title's terms are for the database index; this engine analyses the title itself.
            field = SearchField(field.field_name, boost=field.boost, **field.kwargs)
        return super()._get_document_field_data(field, obj)


class ThesaurusIndexMixin:
    """An index is created with the thesaurus of the moment: a change needs `update_index`."""

    def put(self):
        self.backend.settings = self.backend.index_settings()
        return super().put()


class FrenchBackendMixin:
    """French analysis in the index settings, and a client that gives up quickly."""

    def __init__(self, params):
        params = {"TIMEOUT": DEFAULT_TIMEOUT, **params}
        params["OPTIONS"] = {**CLIENT_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(params)
        self.base_settings = deep_update(deepcopy(self.settings), {"settings": {"analysis": deepcopy(FRENCH_ANALYSIS)}})
        self.settings = deepcopy(self.base_settings)

    def index_settings(self) -> dict:
        """The settings an index is created with: the French analysis and the thesaurus from the database."""
        settings = deepcopy(self.base_settings)
        rules = thesaurus_rules()
        if rules:
            analysis = settings["settings"]["analysis"]
            # lenient: a line made only of stop words is skipped instead of refusing the index.
            analysis["filter"][THESAURUS_FILTER] = {"type": "synonym_graph", "synonyms": rules, "lenient": True}
            chain = analysis["analyzer"][FRENCH_SEARCH_ANALYZER]["filter"]
            chain.insert(chain.index("french_stop"), THESAURUS_FILTER)
        return settings


@cache
def backend_class(engine: str) -> type:
    """modelsearch's backend for this engine, with French analysis."""
    if engine not in ENGINE_MODULES:
        raise ImproperlyConfigured(f"Unknown search engine {engine!r}: choose one of {', '.join(ENGINE_MODULES)}.")
    try:
        base = import_module(ENGINE_MODULES[engine]).SearchBackend
    except ImportError as exc:
        raise ImproperlyConfigured(f"The {engine} search engine needs its Python client: {exc}") from exc
    mapping_class = type(f"French{base.mapping_class.__name__}", (FrenchMappingMixin, base.mapping_class), {})
    index_class = type(f"French{base.index_class.__name__}", (ThesaurusIndexMixin, base.index_class), {})
    attributes = {"mapping_class": mapping_class, "index_class": index_class}
    # The query compilers name columns through the mapping too.
    for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
        compiler = getattr(base, name)
        attributes[name] = type(f"French{compiler.__name__}", (compiler,), {"mapping_class": mapping_class})
    return type(f"French{base.__name__}", (FrenchBackendMixin, base), attributes)


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    params = dict(params)
    return backend_class(params.pop("ENGINE", DEFAULT_ENGINE))(params)
