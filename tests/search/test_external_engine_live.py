"""The external engine against a real Elasticsearch or OpenSearch server, named by SEARCH_URL (and
SEARCH_ENGINE) as in production. Without SEARCH_URL these tests are skipped, in CI too: no such server
can be installed on the development machines.

Each run works in its own indices (a random prefix) and deletes them afterwards.

    SEARCH_URL=http://127.0.0.1:9200 .venv/bin/pytest tests/search/test_external_engine_live.py
"""

import os
import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from news.models import NewsPage
from portal.settings.search import search_backends
from search.backends.external import FRENCH_ANALYZER, FRENCH_SEARCH_ANALYZER
from search.models import Synonym
from search.services.site_search import search_site
from tests import factories

SEARCH_URL = os.environ.get("SEARCH_URL", "")

pytestmark = [
    pytest.mark.external_engine,
    pytest.mark.skipif(
        not SEARCH_URL,
        reason="SEARCH_URL n’est pas défini : pas de serveur Elasticsearch/OpenSearch à tester "
        "(SEARCH_URL is not set: no Elasticsearch/OpenSearch server to test against).",
    ),
    pytest.mark.django_db,
]


@pytest.fixture
def engine(home):
    """The engine of SEARCH_URL as "default", the database beside it, in indices of this run only."""
    environ = {**os.environ, "SEARCH_INDEX": f"portail_test_{uuid.uuid4().hex[:8]}_"}
    backends = search_backends(environ)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend("default")
        try:
            yield backend
        finally:
            for name in backend.es.indices.get(index=f"{backends['default']['INDEX_PREFIX']}*"):
                backend.es.indices.delete(index=name)


def _rebuild(backend):
    call_command("update_index", backend_name="default", verbosity=0)
    _refresh(backend)


def _refresh(backend):
    backend.get_index_for_model(Page).refresh()


def _reader(reader):
    # A fresh account object, as each request has.
    return type(reader).objects.get(pk=reader.pk)


def _found(reader, query, page) -> bool:
    outcome = search_site(_reader(reader), query)
    assert not outcome.degraded, "the engine did not answer: the database did"
    return any(item.record.object_id == str(page.pk) for item in outcome.items)


def _engine_finds(backend, text, page) -> bool:
    """The engine alone, asked with the words as typed (no analysis nor expansion by the portal)."""
    return page.pk in [result.pk for result in backend.search(text, NewsPage.objects.live())]


def _analyse(backend, analyzer, text) -> list[str]:
    index = backend.get_index_for_model(Page).name
    body = {"analyzer": analyzer, "text": text}
    if any(base.__module__.startswith("modelsearch.backends.opensearch") for base in type(backend).__mro__):
        answer = backend.es.indices.analyze(index=index, body=body)
    else:
        answer = backend.es.indices.analyze(index=index, **body)
    return [token["token"] for token in answer["tokens"]]


def test_the_index_analyses_french(engine):
    _rebuild(engine)
    tokens = _analyse(engine, FRENCH_ANALYZER, "L’évaluation des risques par les Médecins")
    # Elision, stop words, accents and case gone; light stemming.
    assert len(tokens) == 3
    assert tokens[0].startswith("evalu") and tokens[1].startswith("risqu") and tokens[2].startswith("medecin")


def test_a_page_is_found_by_a_plural_without_accents(engine, reader):
    page = factories.NewsPageFactory(title="Le médecin du travail", summary="Une visite de préreprise.")
    _rebuild(engine)
    assert _found(reader, "medecins", page)
    assert _engine_finds(engine, "medecins", page)
    assert _engine_finds(engine, "prereprises", page)


def test_the_thesaurus_works_both_ways_in_the_engine(engine, reader):
    Synonym.objects.get_or_create(expressions="TMS, troubles musculo-squelettiques")
    acronym = factories.NewsPageFactory(title="Plan TMS 2026", summary="Le plan régional.")
    spelled_out = factories.NewsPageFactory(title="Troubles musculo-squelettiques en logistique")
    # The thesaurus is read when the index is built.
    _rebuild(engine)
    analysed = _analyse(engine, FRENCH_SEARCH_ANALYZER, "TMS")
    assert "tms" in analysed and len(analysed) > 1

    assert _engine_finds(engine, "troubles musculo-squelettiques", acronym)
    assert _engine_finds(engine, "TMS", spelled_out)
    assert _found(reader, "TMS", spelled_out) and _found(reader, "troubles musculo-squelettiques", acronym)


def test_unpublished_and_deleted_pages_leave_the_index(engine, reader):
    _rebuild(engine)
    kept = factories.NewsPageFactory(title="Campagne de vaccination antigrippale")
    unpublished = factories.NewsPageFactory(title="Vaccination des saisonniers")
    deleted = factories.NewsPageFactory(title="Vaccination en entreprise")
    _refresh(engine)
    assert all(_engine_finds(engine, "vaccination", page) for page in (kept, unpublished, deleted))

    unpublished.unpublish()
    deleted.delete()
    _refresh(engine)
    assert _engine_finds(engine, "vaccination", kept)
    assert not _engine_finds(engine, "vaccination", unpublished)
    assert not _engine_finds(engine, "vaccination", deleted)
    assert _found(reader, "vaccination", kept) and not _found(reader, "vaccination", unpublished)
