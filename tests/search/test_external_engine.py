"""The external engine (Elasticsearch, OpenSearch) without a server: its configuration from the
environment, its French index settings and mappings, and the fallback to the database when it does not
answer."""

import socket
import time
from contextlib import closing
from importlib.util import find_spec
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from base.caches import SEARCH_ENGINE_DOWN
from news.models import NewsPage
from portal.settings import search as search_settings
from search.backends.external import (
    DEFAULT_TIMEOUT,
    ENGINE_MODULES,
    FRENCH_ANALYZER,
    FRENCH_SEARCH_ANALYZER,
    THESAURUS_FILTER,
    SearchBackend,
    backend_class,
)
from search.models import SearchRecord, Synonym
from search.records import ANALYSED_FIELD
from search.services.engines import engine_query
from search.services.query import parse_query
from search.services.site_search import search_site
from tests import factories
from tests.utils import page_text

# --- Configuration from the environment -----------------------------------------------------------


def test_without_search_url_the_database_answers_alone():
    backends = search_settings.search_backends({})
    assert backends == {"default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple_unaccent"}}
    assert search_settings.search_backends({"SEARCH_URL": "  "}) == backends


def test_with_search_url_the_engine_answers_and_the_database_stays_current():
    backends = search_settings.search_backends({"SEARCH_URL": "https://portail:secret@es.intranet:9200"})
    assert backends["default"] == {
        "BACKEND": "search.backends.external",
        "ENGINE": "elasticsearch9",
        "URLS": ["https://portail:secret@es.intranet:9200"],
        "INDEX_PREFIX": "portail_",
    }
    assert backends["database"]["BACKEND"] == "search.backends.database"


@pytest.mark.parametrize(
    ("environ", "engine", "url"),
    [
        ({"SEARCH_URL": "http://es:9200", "SEARCH_ENGINE": "elasticsearch9"}, "elasticsearch9", "http://es:9200"),
        ({"SEARCH_URL": "elasticsearch+https://es:9200"}, "elasticsearch9", "https://es:9200"),
        ({"SEARCH_URL": "opensearch+https://u:p@os:9200/"}, "opensearch3", "https://u:p@os:9200/"),
        ({"SEARCH_URL": "opensearch2+http://os:9200"}, "opensearch2", "http://os:9200"),
        ({"SEARCH_URL": "http://os:9200", "SEARCH_ENGINE": "OpenSearch3"}, "opensearch3", "http://os:9200"),
        ({"SEARCH_URL": "http://es:9200", "SEARCH_ENGINE": "elasticsearch8"}, "elasticsearch8", "http://es:9200"),
    ],
)
def test_the_engine_is_named_by_the_url_or_search_engine(environ, engine, url):
    with mock.patch.object(search_settings, "check_client") as check_client:
        default = search_settings.search_backends(environ)["default"]
    assert (default["ENGINE"], default["URLS"]) == (engine, [url])
    check_client.assert_called_once_with(engine)


def test_the_index_prefix_comes_from_search_index():
    backends = search_settings.search_backends({"SEARCH_URL": "http://es:9200", "SEARCH_INDEX": "preprod_"})
    assert backends["default"]["INDEX_PREFIX"] == "preprod_"


@pytest.mark.parametrize(
    "environ",
    [
        {"SEARCH_URL": "http://es:9200", "SEARCH_ENGINE": "solr"},
        {"SEARCH_URL": "ftp://es:9200"},
        {"SEARCH_URL": "opensearch+ftp://os:9200"},
    ],
)
def test_a_wrong_configuration_stops_at_start_up(environ):
    with pytest.raises(ImproperlyConfigured):
        search_settings.search_backends(environ)


def test_elasticsearch8_needs_the_client_of_its_version():
    with mock.patch.object(search_settings, "_client_version", return_value="9.5.1"):
        with pytest.raises(ImproperlyConfigured, match=r'pip install "elasticsearch>=8,<9"'):
            search_settings.check_client("elasticsearch8")
        search_settings.check_client("elasticsearch9")
    with mock.patch.object(search_settings, "_client_version", return_value="8.19.0"):
        search_settings.check_client("elasticsearch8")


def test_opensearch_needs_its_client():
    missing = mock.patch.object(search_settings, "find_spec", return_value=None)
    with missing, pytest.raises(ImproperlyConfigured, match="pip install opensearch-py"):
        search_settings.check_client("opensearch3")
    with mock.patch.object(search_settings, "find_spec", return_value=object()):
        search_settings.check_client("opensearch2")


def test_every_engine_of_the_settings_has_a_backend():
    assert set(search_settings.ENGINES) == set(ENGINE_MODULES)


@pytest.mark.parametrize(
    ("engine", "base"),
    [("elasticsearch9", Elasticsearch9SearchBackend), ("elasticsearch8", Elasticsearch8SearchBackend)],
)
def test_elasticsearch_backends_extend_wagtails(engine, base):
    backend = SearchBackend({"ENGINE": engine, "URLS": ["http://127.0.0.1:9200"]})
    assert isinstance(backend, base)
    assert issubclass(backend.mapping_class, base.mapping_class)
    assert backend.query_compiler_class.mapping_class is backend.mapping_class


@pytest.mark.parametrize("engine", ["opensearch3", "opensearch2"])
def test_opensearch_backends_extend_wagtails_when_their_client_is_installed(engine):
    if find_spec("opensearchpy") is None:
        with pytest.raises(ImproperlyConfigured, match=engine):
            backend_class(engine)
    else:
        from importlib import import_module

        assert issubclass(backend_class(engine), import_module(ENGINE_MODULES[engine]).SearchBackend)


def test_the_client_gives_up_in_seconds():
    backend = SearchBackend({"URLS": ["https://portail:secret@127.0.0.1:9200"]})
    assert backend.timeout == DEFAULT_TIMEOUT <= 3
    assert backend.es._max_retries <= 1 and backend.es._retry_on_timeout is False
    assert backend.es._headers["authorization"].startswith("Basic ")


# --- French analysis ------------------------------------------------------------------------------


def _backend():
    return SearchBackend({"ENGINE": "elasticsearch9", "URLS": ["http://127.0.0.1:9200"], "INDEX_PREFIX": "test_"})


@pytest.mark.django_db
def test_index_settings_analyse_french():
    analysis = _backend().index_settings()["settings"]["analysis"]
    filters = analysis["filter"]
    assert filters["french_elision"]["type"] == "elision"
    assert set(filters["french_elision"]["articles"]) >= {"l", "d", "j", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
    assert filters["french_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert {"de", "les", "pour", "etre"} & set(filters["french_stop"]["stopwords"]) >= {"de", "les", "pour"}
    index_chain = analysis["analyzer"][FRENCH_ANALYZER]["filter"]
    assert index_chain == [
        "french_elision",
        "lowercase",
        "asciifolding",
        "french_stop",
        "french_acronyms",
        "french_stemmer",
    ]
    assert {"inrs", "dati", "atmp"} <= set(filters["french_acronyms"]["keywords"])
    # modelsearch's own analyzers (autocomplete) are kept.
    assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.mark.django_db
def test_the_thesaurus_becomes_synonyms_at_search_time():
    Synonym.objects.all().delete()
    Synonym.objects.create(expressions="TMS, troubles musculo-squelettiques")
    Synonym.objects.create(expressions="DUERP, document unique d’évaluation des risques => professionnels")
    Synonym.objects.create(expressions="seul")
    Synonym.objects.create(expressions="dyspnée, essoufflement", broader="troubles respiratoires")

    analysis = _backend().index_settings()["settings"]["analysis"]
    thesaurus = analysis["filter"][THESAURUS_FILTER]
    assert thesaurus["type"] == "synonym_graph"
    rules = thesaurus["synonyms"]
    assert len(rules) == 3
    # A broader term is found from the entry's expressions, one way only.
    dyspnea = next(rule for rule in rules if rule.startswith("dyspnée"))
    found_from, found = dyspnea.split(" => ")
    assert "essoufflement" in found_from and "troubles respiratoires" not in found_from
    assert "essoufflement" in found and "troubles respiratoires" in found
    tms = next(rule for rule in rules if rule.startswith("TMS"))
    # As written, and as the terms the portal sends (search.analysis).
    assert tms.split(", ")[:2] == ["TMS", "troubles musculo-squelettiques"]
    assert "musculosquelet" in tms
    duerp = next(rule for rule in rules if rule.startswith("DUERP"))
    assert "=>" not in duerp and "document unique d’évaluation des risques professionnels" in duerp
    # At search time only, before stop words are dropped (so multi-word expressions match).
    search_chain = analysis["analyzer"][FRENCH_SEARCH_ANALYZER]["filter"]
    assert search_chain.index(THESAURUS_FILTER) < search_chain.index("french_stop")
    assert THESAURUS_FILTER not in analysis["analyzer"][FRENCH_ANALYZER]["filter"]


@pytest.mark.django_db
def test_without_a_thesaurus_there_is_no_synonym_filter():
    Synonym.objects.all().delete()
    analysis = _backend().index_settings()["settings"]["analysis"]
    assert THESAURUS_FILTER not in analysis["filter"]
    assert THESAURUS_FILTER not in analysis["analyzer"][FRENCH_SEARCH_ANALYZER]["filter"]


@pytest.mark.django_db
def test_an_index_is_created_with_the_thesaurus_of_the_moment():
    backend = _backend()
    index = backend.get_index_for_model(NewsPage)
    index.es = mock.Mock()
    Synonym.objects.create(expressions="CSSCT, commission santé sécurité et conditions de travail")
    index.put()
    created = index.es.indices.create.call_args.kwargs
    assert created["index"] == "test_wagtailcore_page"
    rules = created["settings"]["analysis"]["filter"][THESAURUS_FILTER]["synonyms"]
    assert any(rule.startswith("CSSCT, commission santé sécurité et conditions de travail") for rule in rules)


@pytest.mark.django_db
def test_the_mapping_analyses_every_text_field_in_french(home):
    backend = _backend()
    mapping = backend.mapping_class(NewsPage)
    properties = mapping.get_mapping()["properties"]
    for name in ("title", "news_newspage__summary", "news_newspage__body", ANALYSED_FIELD, "_all_text"):
        assert properties[name]["analyzer"] == FRENCH_ANALYZER, name
        assert properties[name]["search_analyzer"] == FRENCH_SEARCH_ANALYZER, name
    # Autocomplete keeps its edge n-grams.
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"

    page = factories.NewsPageFactory(title="Les médecins du travail", summary="Visites de préreprise.")
    document = mapping.get_document(page)
    assert document["title"] == "Les médecins du travail"
    assert "medecin" in document[ANALYSED_FIELD].split()


@pytest.mark.django_db
def test_the_portals_queries_compile_for_the_engine(home):
    """What the site search asks the engine (pages, documents, people; visibility is then applied to the
    engine's answer) is a query the engine understands."""
    from documents.models import PortalDocument
    from people.models import Person

    backend = _backend()
    query = engine_query(parse_query("TMS médecins"))
    for queryset in [Page.objects.live(), PortalDocument.objects.all(), Person.objects.all()]:
        compiled = backend.search(query, queryset).query_compiler.get_query()
        assert compiled["bool"]["must"] and compiled["bool"]["filter"]


# --- When the engine does not answer --------------------------------------------------------------


def _free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _engine_at(port: int) -> dict:
    return {
        "default": {"BACKEND": "search.backends.external", "URLS": [f"http://127.0.0.1:{port}"], "INDEX_PREFIX": "t_"},
        "database": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple_unaccent"},
    }


DEGRADED_WARNING = "Le moteur de recherche configuré ne répond pas"


@pytest.fixture
def unreachable_engine():
    """The external engine configured on a loopback port nobody listens on."""
    with override_settings(WAGTAILSEARCH_BACKENDS=_engine_at(_free_port())):
        yield


@pytest.mark.django_db
def test_saving_a_page_while_the_engine_is_down_keeps_the_database_index_current(unreachable_engine, home):
    assert get_search_backend("default").catch_indexing_errors
    page = factories.NewsPageFactory(title="Campagne de vaccination antigrippale")
    page.summary = "Les infirmiers vaccinent en octobre."
    page.save_revision().publish()

    record = SearchRecord.objects.of(page).get()
    assert "infirmi" in record.summary


@pytest.mark.django_db
def test_search_falls_back_to_the_database_when_the_engine_is_unreachable(
    unreachable_engine, reader, administrator, client, home
):
    page = factories.NewsPageFactory(title="Prévention des troubles musculo-squelettiques")

    started = time.monotonic()
    outcome = search_site(reader, "troubles musculo-squelettiques")
    assert time.monotonic() - started < 5
    assert outcome.degraded
    assert [item.record.object_id for item in outcome.items] == [str(page.pk)]
    # Later searches do not wait for the engine again for a while.
    assert cache.get(SEARCH_ENGINE_DOWN.key())

    client.force_login(reader)
    response = client.get("/recherche/", {"q": "TMS"})
    assert response.status_code == 200
    assert "Prévention des troubles musculo-squelettiques" in page_text(response)
    assert response.context["show_degraded_warning"] is False
    assert DEGRADED_WARNING not in page_text(response)

    client.force_login(administrator)
    response = client.get("/recherche/", {"q": "TMS"})
    assert response.status_code == 200
    assert "Prévention des troubles musculo-squelettiques" in page_text(response)
    assert response.context["show_degraded_warning"] is True
    assert DEGRADED_WARNING in page_text(response)


@pytest.mark.django_db
def test_an_engine_that_never_answers_fails_over_within_its_timeout(reader, home):
    """A server that accepts connections and then says nothing (overloaded, half-down)."""
    page = factories.NewsPageFactory(title="Fiche d’entreprise actualisée")
    with closing(socket.socket()) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        with override_settings(WAGTAILSEARCH_BACKENDS=_engine_at(silent.getsockname()[1])):
            started = time.monotonic()
            outcome = search_site(reader, "fiche entreprise")
            elapsed = time.monotonic() - started
    assert outcome.degraded
    assert str(page.pk) in [item.record.object_id for item in outcome.items]
    # One timeout, not one per source (pages, documents, people) nor per retry.
    assert elapsed < DEFAULT_TIMEOUT + 2


@pytest.mark.django_db
def test_without_an_external_engine_nothing_is_degraded(reader, home):
    factories.NewsPageFactory(title="Prévention des risques psychosociaux")
    outcome = search_site(reader, "psychosociaux")
    assert not outcome.degraded and outcome.items
