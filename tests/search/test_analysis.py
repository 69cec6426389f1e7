"""The French analysis shared by the index, the queries and the highlighting."""

import pytest

from search.analysis import analyzed, terms
from search.highlighting import excerpt, highlighted


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("médecin", "médecins"),
        ("medecins", "Médecin"),
        ("formation", "formations"),
        ("évaluation", "EVALUATION"),
        ("infirmière", "infirmières"),
        ("ergonomie", "l’ergonomie"),
        ("entreprise", "d'entreprises"),
    ],
)
def test_plural_accent_case_and_elision_give_the_same_term(one, other):
    assert terms(one) == terms(other)
    assert len(terms(one)) == 1


def test_stop_words_and_single_letters_give_no_term():
    assert terms("le de la des du et à l’ d’ qu’ y") == []


def test_acronyms_are_kept_whole():
    assert terms("TMS RPS CSE") == ["tms", "rps", "cse"]


def test_a_compound_is_indexed_by_its_parts_and_as_one_word():
    indexed = terms("troubles musculo-squelettiques")
    assert terms("musculo", for_query=True)[0] in indexed
    assert terms("squelettiques", for_query=True)[0] in indexed
    assert terms("musculosquelettiques", for_query=True)[0] in indexed
    # The query side keeps the joined word only, which either spelling in a text holds.
    assert terms("musculo-squelettiques", for_query=True) == terms("musculosquelettiques", for_query=True)


def test_hostile_text_gives_terms_or_nothing_without_error():
    for text in ["\x00", "²³", "😀 🚀", "' OR 1=1 --", "a" * 10_000, "-" * 50, "l'", "\ud800"]:
        assert isinstance(analyzed(text), str)


def test_highlighting_marks_whole_words_only():
    html = highlighted("Les médecins et les Études de mode", set(terms("de")) | set(terms("mode", for_query=True)))
    assert html == "Les médecins et les Études de <mark>mode</mark>"


def test_highlighting_marks_every_form_of_the_word():
    html = highlighted("Le médecin voit des médecins ; la Médecine aussi.", set(terms("medecins", for_query=True)))
    assert html.count("<mark>") == 3
    assert "<mark>médecin</mark>" in html and "<mark>médecins</mark>" in html


def test_highlighting_escapes_the_text():
    assert highlighted("<b>TMS</b>", {"tms"}) == "&lt;b&gt;<mark>TMS</mark>&lt;/b&gt;"


def test_excerpt_is_cut_around_the_matching_words_of_the_best_passage():
    long_text = "Introduction sans rapport. " * 30 + "La prévention des risques chimiques en atelier."
    html = excerpt(["Un résumé sans le mot.", long_text], set(terms("chimiques", for_query=True)))
    assert html.startswith("… ") and "<mark>chimiques</mark>" in html
    assert len(html) < 400
    assert excerpt(["Rien ici."], {"chimiqu"}) == ""


@pytest.mark.parametrize(("acronym", "ordinary_word"), [("DATI", "dates"), ("INRS", "inr"), ("CACES", "cac")])
def test_the_glossarys_acronyms_are_never_stemmed_into_other_words(acronym, ordinary_word):
    assert terms(acronym) == terms(acronym.lower()) == [acronym.lower()]
    assert terms(ordinary_word) != terms(acronym)
