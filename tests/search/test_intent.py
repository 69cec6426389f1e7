"""What a query asks beyond its words: question words need not be found, "dernier" asks for the latest,
a year for items of that year, "qui…" for people and "modèle" for documents."""

import datetime

import pytest
from django.utils import timezone

from people.models import DirectoryPage
from search.services.intent import query_intent
from tests import factories
from tests.search.searching import result_titles

pytestmark = pytest.mark.django_db


def _titles(reader, query):
    return result_titles(reader, query, 3)


def _years_ago(years):
    return timezone.localdate() - datetime.timedelta(days=365 * years + 10)


def test_question_words_are_asked_not_looked_for(reader, sections):
    factories.CaseStudyPageFactory(title="Déclarer un accident du travail")
    factories.CaseStudyPageFactory(title="Comment organiser la journée portes ouvertes")
    assert _titles(reader, "comment déclarer un accident du travail ?")[0] == "Déclarer un accident du travail"
    assert _titles(reader, "faut-il déclarer un accident du travail")[0] == "Déclarer un accident du travail"
    # A query made only of such a word still looks for it.
    assert _titles(reader, "comment") == ["Comment organiser la journée portes ouvertes"]


def test_dernier_ranks_the_latest_of_a_series_first(reader, sections):
    for years in (2, 0, 1):
        factories.CaseStudyPageFactory(title=f"Rapport d’activité ({years})", date=_years_ago(years))
    assert _titles(reader, "dernier rapport d’activité") == [
        "Rapport d’activité (0)",
        "Rapport d’activité (1)",
        "Rapport d’activité (2)",
    ]


def test_a_year_favours_the_items_of_that_year(reader, sections):
    for year in (2023, 2024, 2025):
        factories.CaseStudyPageFactory(title=f"Bilan de la campagne ({year})", date=datetime.date(year, 6, 1))
    assert _titles(reader, "bilan campagne 2024")[0] == "Bilan de la campagne (2024)"


def test_qui_favours_people(reader, sections):
    DirectoryPage.objects.get()  # the directory exists: people are searched
    factories.PersonFactory(first_name="Inès", last_name="Garnier", job_title="Référente maintien en emploi")
    factories.CaseStudyPageFactory(title="Le maintien en emploi des soignants", date=_years_ago(2))
    assert _titles(reader, "qui pour le maintien en emploi ?")[0] == "Inès Garnier"
    assert _titles(reader, "maintien en emploi")[0] == "Le maintien en emploi des soignants"


@pytest.mark.parametrize(
    ("query", "optional", "recent", "year", "kinds"),
    [
        ("faut-il une visite avant un CDD de deux semaines ?", {"fautil"}, False, None, set()),
        ("les nouveaux arrivants", {"nouveau"}, True, None, set()),
        ("modèle de fiche de poste 2026", set(), False, 2026, {"documents"}),
        ("qui est l’ergonome ?", set(), False, None, {"personnes"}),
        ("99999999999999999999 " * 50, set(), False, None, set()),
    ],
)
def test_what_a_query_asks(query, optional, recent, year, kinds):
    intent = query_intent(query)
    assert set(intent.optional_terms) == optional and intent.recent == recent and intent.year == year
    assert set(intent.kinds) == kinds
