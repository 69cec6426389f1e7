"""« Pourquoi ce résultat ? »: those who run the search see, under each result, the words and concepts
matched (typed, synonym, acronym, broader term…), where, and the bonuses that placed it; readers do not."""

import pytest
from django.utils import timezone

from search.models import SearchRecord, Synonym
from search.services.query import parse_query
from search.services.ranking import Scorer
from search.services.thesaurus import forget_loaded_thesaurus
from search.services.vocabulary import current_vocabulary
from tests import factories
from tests.utils import page_text


@pytest.fixture
def respiratory(db):
    Synonym.objects.all().delete()
    Synonym.objects.create(expressions="dyspnée, essoufflement", broader="troubles respiratoires")
    forget_loaded_thesaurus()


@pytest.fixture
def pages(sections, respiratory):
    return [
        factories.NewsPageFactory(title="Dépistage de la dyspnée d’effort", summary="Chez les peintres."),
        factories.NewsPageFactory(title="Les troubles respiratoires des boulangers"),
    ]


@pytest.mark.django_db
def test_administrators_see_why_each_result_is_there(admin_client, pages):
    text = page_text(admin_client.get("/recherche/?q=essoufflement"))
    assert text.count("Pourquoi ce résultat ?") == 2
    assert "synonyme du thésaurus" in text and "terme plus général" in text
    assert "titre" in text and "Score :" in text


@pytest.mark.django_db
def test_readers_do_not_see_it(reader_client, pages):
    text = page_text(reader_client.get("/recherche/?q=essoufflement"))
    assert "Dépistage de la dyspnée d’effort" in text
    assert "Pourquoi ce résultat ?" not in text


@pytest.mark.django_db
def test_the_explanation_adds_up_to_the_score_that_ranked_the_result(pages):
    parsed = parse_query("dernier dépistage essoufflement peintres")
    scorer = Scorer(parsed, current_vocabulary(), timezone.localdate())
    for record in SearchRecord.objects.all():
        body_terms = set()
        why = scorer.explain(record, body_terms)
        assert why.score == pytest.approx(scorer.score(record, body_terms))
        points = sum(match.points for match in why.matches)
        for _label, multiplier in why.factors:
            points *= multiplier
        assert points == pytest.approx(why.score)
    dyspnea = scorer.explain(SearchRecord.objects.get(heading__startswith="Dépistage"), set())
    assert [match.typed for match in dyspnea.matches] == ["dépistage", "essoufflement", "peintres"]
    assert {label for label, _multiplier in dyspnea.factors} >= {"récent, comme demandé"}
