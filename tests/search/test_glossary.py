"""The glossary of acronyms shipped with the portal: a file with its sources, loaded into the thesaurus
administrators edit, so that an acronym finds the page that writes only its expansion, and the reverse."""

import re

import pytest
from django.core.management import call_command

from search.glossary import ACRONYMS_FILE, read_glossary
from search.highlighting import highlighted
from search.models import Synonym
from search.services.glossary import load_glossary
from search.services.query import parse_query
from tests import factories
from tests.search.searching import result_titles


def _titles(reader, query) -> set[str]:
    return set(result_titles(reader, query))


def test_the_glossary_has_several_hundred_acronyms_each_with_a_declared_source():
    entries = read_glossary()
    assert len(entries) >= 250
    header = ACRONYMS_FILE.read_text(encoding="utf-8").split("\n\n", 1)[0]
    declared = set(re.findall(r"^#\s+([A-Z]+)\s{2,}", header, flags=re.MULTILINE))
    assert {entry.source for entry in entries} <= declared
    for entry in entries:
        assert entry.acronym == entry.acronym.upper() and entry.expansions, entry
    pairs = [(entry.acronym, entry.expansions[0]) for entry in entries]
    assert len(pairs) == len(set(pairs))


def test_an_expansion_with_commas_stays_one_expression():
    hse = next(entry for entry in read_glossary() if entry.acronym == "HSE")
    assert hse.expressions == "HSE, hygiène sécurité environnement"


@pytest.mark.django_db
def test_the_thesaurus_holds_the_glossary_and_loading_again_adds_nothing_and_keeps_edits(capsys):
    assert Synonym.objects.filter(expressions__startswith="RQTH, ").exists()
    assert load_glossary() == 0

    edited = Synonym.objects.get(expressions__startswith="CACES, ")
    edited.expressions = "CACES, certificat d’aptitude à la conduite en sécurité, permis cariste"
    edited.save()
    Synonym.objects.filter(expressions__startswith="FIMO, ").delete()
    call_command("load_glossary")
    assert "1 entrée(s) ajoutée(s)" in capsys.readouterr().out
    assert Synonym.objects.get(pk=edited.pk).expressions.endswith("permis cariste")
    assert Synonym.objects.filter(expressions__startswith="CACES, ").count() == 1
    assert Synonym.objects.filter(expressions__startswith="FIMO, ").count() == 1


@pytest.mark.django_db
def test_an_acronym_finds_the_page_that_writes_its_expansion_and_the_reverse(reader, sections):
    factories.NewsPageFactory(title="Reconnaissance de la qualité de travailleur handicapé : les démarches")
    factories.NewsPageFactory(title="Permanence MDPH à Lens")
    factories.NewsPageFactory(title="Calendrier des congés")
    assert _titles(reader, "RQTH") == {"Reconnaissance de la qualité de travailleur handicapé : les démarches"}
    assert _titles(reader, "rqth") == _titles(reader, "RQTH")
    # The lexicon's broader term (« handicap au travail ») brings the RQTH page too, below.
    assert result_titles(reader, "maison départementale des personnes handicapées")[0] == "Permanence MDPH à Lens"
    assert "Calendrier des congés" not in _titles(reader, "maison départementale des personnes handicapées")


@pytest.mark.django_db
def test_an_acronym_with_two_meanings_finds_both(reader, sections):
    factories.NewsPageFactory(title="Former des sauveteurs secouristes du travail")
    factories.NewsPageFactory(title="Le plan santé et sécurité au travail de l’atelier")
    factories.NewsPageFactory(title="Visite de l’atelier")
    assert _titles(reader, "SST") == {
        "Former des sauveteurs secouristes du travail",
        "Le plan santé et sécurité au travail de l’atelier",
    }


@pytest.mark.django_db
def test_an_expansion_is_marked_where_its_words_follow_one_another_only():
    terms = parse_query("CARSAT").highlight_terms
    text = "La santé au travail avec la caisse d’assurance retraite et de la santé au travail (la CARSAT)."
    assert str(highlighted(text, terms)) == (
        "La santé au travail avec la <mark>caisse d’assurance retraite et de la santé au travail</mark> "
        "(la <mark>CARSAT</mark>)."
    )
    tms = parse_query("TMS").highlight_terms
    assert "<mark>troubles musculo-squelettiques</mark>" in str(highlighted("Les troubles musculo-squelettiques.", tms))
