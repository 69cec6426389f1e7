"""Shared helpers: accent folding and search words."""

from base.text import fold, search_words


def test_fold_ignores_case_accents_and_surrounding_spaces():
    assert fold("  Médecin du TRAVAIL ") == fold("medecin du travail") == "medecin du travail"
    assert fold("Œuvre ÉLÈVE ç") == "œuvre eleve c"
    assert fold(None) == ""


def test_search_words_drop_query_syntax():
    assert search_words('"l\'équipe" (santé)* AND:') == "l équipe santé AND"
    assert search_words("((( ") == ""
