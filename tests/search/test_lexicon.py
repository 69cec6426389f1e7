"""The lexicon of occupational health shipped with the portal: technical words and the everyday words staff
type for them (« essoufflement » for « dyspnée »), and broader terms found below them, one way only."""

import re

import pytest

from search.analysis import terms
from search.glossary import LEXICON_FILE, read_lexicon, shipped_entries
from search.models import Synonym
from search.services.glossary import load_glossary
from search.services.query import BROADER, SYNONYM, TYPED, parse_query
from search.services.thesaurus import forget_loaded_thesaurus
from tests import factories
from tests.search.searching import result_titles


@pytest.fixture
def respiratory(db):
    Synonym.objects.all().delete()
    Synonym.objects.create(
        expressions="dyspnée, essoufflement, souffle court", broader="troubles respiratoires", note="essai"
    )
    forget_loaded_thesaurus()


def _weights(query: str) -> dict[str, float]:
    return {
        " ".join(alternative.terms): alternative.weight
        for concept in parse_query(query).concepts
        for alternative in concept.alternatives
    }


def test_the_lexicon_has_several_hundred_entries_each_with_a_declared_source():
    entries = read_lexicon()
    assert len(entries) >= 300
    header = LEXICON_FILE.read_text(encoding="utf-8").split("\n\n", 1)[0]
    declared = set(re.findall(r"^#\s+([A-Z]+)\s{2,}", header, flags=re.MULTILINE))
    assert {entry.source for entry in entries} <= declared
    assert sum(bool(entry.broader) for entry in entries) >= len(entries) // 2
    for entry in entries:
        assert entry.expansions and "," not in entry.expressions.replace(", ", ""), entry


# Words nearly every page of an occupational-health intranet holds: as an equivalent or a broader term,
# they would make every search swell.
TOO_COMMON = {"travail", "santé", "salarié", "employé", "entreprise", "service", "risque", "prévention", "poste"}


def test_the_lexicon_neither_repeats_an_expression_nor_uses_words_found_everywhere():
    too_common = {tuple(terms(word)) for word in TOO_COMMON}
    seen = {}
    for entry in read_lexicon():
        for expression in (entry.acronym, *entry.expansions, *entry.broader):
            assert tuple(terms(expression)) not in too_common, entry
        for expression in (entry.acronym, *entry.expansions):
            analysed = tuple(terms(expression))
            assert seen.setdefault(analysed, entry) is entry, (entry, seen[analysed])


@pytest.mark.django_db
def test_the_thesaurus_holds_the_lexicon_with_its_broader_terms():
    assert load_glossary() == 0
    first = read_lexicon()[0]
    held = Synonym.objects.get(expressions=first.expressions)
    assert held.broader == first.broader_expressions
    assert held.note.startswith("Lexique de la santé au travail")
    assert Synonym.objects.count() >= len(shipped_entries())


@pytest.mark.django_db
def test_broader_terms_weigh_below_equivalents_and_only_one_way(respiratory):
    weights = _weights("essoufflement")
    assert weights["essouffl"] == TYPED
    assert weights["dyspn"] == SYNONYM
    assert weights["troubl respiratoir"] == BROADER < SYNONYM
    # A page on respiratory troubles in general is not about breathlessness.
    assert set(_weights("troubles respiratoires")) == {"troubl", "respiratoir"}


@pytest.mark.django_db
def test_a_broader_term_in_a_title_ranks_below_an_equivalent_in_a_text(reader, sections, respiratory):
    factories.NewsPageFactory(title="Troubles respiratoires : le point")
    factories.CaseStudyPageFactory(title="Les peintres et leurs visites", results="<p>Une dyspnée d’effort.</p>")
    assert result_titles(reader, "essoufflement") == [
        "Les peintres et leurs visites",
        "Troubles respiratoires : le point",
    ]


@pytest.mark.django_db
def test_a_broader_term_brings_its_own_equivalents(reader, sections):
    Synonym.objects.all().delete()
    Synonym.objects.create(expressions="cannabis, haschich", broader="conduites addictives")
    Synonym.objects.create(expressions="conduites addictives, pratiques addictives")
    forget_loaded_thesaurus()
    factories.NewsPageFactory(title="Pratiques addictives en milieu de travail")
    assert _weights("cannabis")["pratiqu addict"] == BROADER
    assert result_titles(reader, "cannabis") == ["Pratiques addictives en milieu de travail"]


@pytest.mark.django_db
def test_a_lay_word_finds_the_technical_page_first_then_the_broader_one(reader, sections, respiratory):
    factories.NewsPageFactory(title="Dépistage de la dyspnée d’effort chez les peintres")
    factories.NewsPageFactory(title="Les troubles respiratoires des boulangers")
    factories.NewsPageFactory(title="Planning des visites de l’atelier")
    assert result_titles(reader, "essoufflement") == [
        "Dépistage de la dyspnée d’effort chez les peintres",
        "Les troubles respiratoires des boulangers",
    ]
    assert result_titles(reader, "troubles respiratoires") == ["Les troubles respiratoires des boulangers"]


@pytest.mark.django_db
def test_administrators_edit_broader_terms_in_the_thesaurus(admin_client, respiratory):
    entry = Synonym.objects.get()
    response = admin_client.get(f"/admin/snippets/portal_search/synonym/edit/{entry.pk}/")
    assert response.status_code == 200
    assert "Termes plus généraux" in response.content.decode()
