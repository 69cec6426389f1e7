"""Shared helpers: accent folding, search words, free slugs, query strings of filter links."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from base.services.pages import available_slug
from base.text import fold, search_words
from home.services.site_tree import ensure_section
from tests import factories


def test_fold_ignores_case_accents_and_surrounding_spaces():
    assert fold("  Médecin du TRAVAIL ") == fold("medecin du travail") == "medecin du travail"
    assert fold("Œuvre ÉLÈVE ç") == "œuvre eleve c"
    assert fold(None) == ""


def test_search_words_drop_query_syntax():
    assert search_words('"l\'équipe" (santé)* AND:') == "l équipe santé AND"
    assert search_words("((( ") == ""


@pytest.mark.django_db
def test_available_slug_skips_taken_slugs(home):
    parent = ensure_section("news.NewsIndexPage")
    assert available_slug(parent, "Réunion d'information") == "reunion-dinformation"
    first = factories.NewsPageFactory(title="Réunion", slug="reunion")
    factories.NewsPageFactory(title="Réunion", slug="reunion-2")
    assert available_slug(parent, "Réunion") == "reunion-3"
    assert available_slug(parent, "Réunion", exclude=first) == "reunion"
    assert available_slug(parent, "???") == "page"


def _render(template, path):
    request = RequestFactory().get(path)
    return Template("{% load portal_tags %}" + template).render(Context({"request": request}))


def test_query_string_replaces_a_filter_and_resets_the_page():
    assert (
        _render("{% query_string metier='iprp' %}", "/actualites/?tag=x&page=3&metier=medecin")
        == "?metier=iprp&amp;tag=x"
    )
    assert _render("{% query_string tag=None %}", "/actualites/?tag=x") == "?"


def test_page_query_keeps_the_filters():
    assert _render("{% page_query 2 %}", "/actualites/?metier=iprp&page=1") == "?metier=iprp&amp;page=2"
