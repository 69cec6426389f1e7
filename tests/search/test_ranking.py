"""What comes first, and what the query understands: the same on SQLite and PostgreSQL."""

import datetime

import pytest
from django.utils import timezone

from people.models import DirectoryPage
from search.models import Synonym
from search.parameters import SearchFilters
from search.services.site_search import search_site
from tests import factories
from tests.utils import restrict_page_to_groups


def _search(reader, query, **filters):
    return search_site(type(reader).objects.get(pk=reader.pk), query, SearchFilters(**filters))


def _first_titles(outcome, count=3):
    from search.services.results import hits

    return [hit.title for hit in hits(outcome.items[:count], outcome.query)]


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_body_match(reader, sections):
    factories.CaseStudyPageFactory(title="Accompagnement d’une boulangerie", results="<p>Le bruit du pétrin.</p>")
    factories.CaseStudyPageFactory(title="Le bruit en atelier", results="<p>Mesures et protections.</p>")
    assert _first_titles(_search(reader, "bruit"))[0] == "Le bruit en atelier"


@pytest.mark.django_db
def test_the_words_in_a_row_rank_above_scattered_words(reader, sections):
    factories.NewsPageFactory(title="Risque et gestion", summary="La gestion du chantier face au risque routier.")
    factories.NewsPageFactory(title="Le risque routier", summary="Une campagne.")
    factories.NewsPageFactory(title="Routier : le risque", summary="Une autre campagne.")
    assert _first_titles(_search(reader, "risque routier"))[0] == "Le risque routier"


@pytest.mark.django_db
def test_recent_news_is_gently_favoured(reader, sections):
    today = timezone.localdate()
    factories.NewsPageFactory(title="Vaccination : le point de l’hiver", date=today - datetime.timedelta(days=400))
    factories.NewsPageFactory(title="Vaccination : le point du printemps", date=today - datetime.timedelta(days=3))
    outcome = _search(reader, "vaccination")
    dates = [item.record.date for item in outcome.items]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.django_db
def test_pages_documents_and_people_are_ranked_together(reader, sections, django_capture_on_commit_callbacks):
    factories.NewsPageFactory(title="Nouvelles du service", body=None, summary="On parle aussi d’audiogramme ici.")
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document(
            "audiogramme.txt", b"Lire un audiogramme pas a pas.", title="Audiogramme : guide de lecture"
        )
    factories.PersonFactory(first_name="Nora", last_name="Audiogramme", job_title="Technicienne")
    outcome = _search(reader, "audiogramme")
    sources = [item.source for item in outcome.items]
    assert set(sources) == {"page", "document", "person"}
    assert sources[-1] == "page"


@pytest.mark.django_db
def test_people_are_found_by_name_and_job_title_when_the_directory_is_visible(reader, committee, sections):
    person = factories.PersonFactory(first_name="Hélène", last_name="Marchetti", job_title="Ergonome")
    assert [item.record.object_id for item in _search(reader, "marchetti").items] == [str(person.pk)]
    assert str(person.pk) in [item.record.object_id for item in _search(reader, "ergonome").items]

    restrict_page_to_groups(DirectoryPage.objects.get(), committee)
    assert not _search(reader, "marchetti").items


@pytest.mark.django_db
def test_a_thesaurus_entry_applies_both_ways_as_soon_as_it_is_saved(reader, sections):
    Synonym.objects.filter(expressions__startswith="AES").delete()  # the shipped glossary has it
    factories.NewsPageFactory(title="Bilan des accidents d’exposition au sang")
    factories.NewsPageFactory(title="Campagne AES 2026")
    assert len(_search(reader, "AES").items) == 1

    Synonym.objects.create(expressions="AES, accident d’exposition au sang")
    assert len(_search(reader, "AES").items) == 2
    assert len(_search(reader, "accidents d’exposition au sang").items) == 2


@pytest.mark.django_db
def test_a_word_being_typed_is_completed_and_a_typo_is_corrected(reader, sections):
    factories.NewsPageFactory(title="Prévention des troubles musculosquelettiques")
    assert len(_search(reader, "musculo").items) == 1

    outcome = _search(reader, "prevantion")
    assert outcome.suggestion == "prévention"
    assert len(outcome.items) == 1


@pytest.mark.django_db
def test_facets_count_the_whole_result_set_and_combine(reader, committee, sections):
    metier = factories.MetierFactory(name="Infirmier")
    # Named so that the thesaurus does not find the group itself (« addictions » is broader than « alcool »).
    group = factories.WorkingGroupPageFactory(title="Vie au travail")
    secret_group = factories.WorkingGroupPageFactory(title="Groupe confidentiel")
    restrict_page_to_groups(secret_group, committee)
    factories.NewsPageFactory(title="Alcool et travail", metiers=[metier], working_group=group)
    factories.NewsPageFactory(title="Alcool : les chiffres", working_group=secret_group)
    factories.CaseStudyPageFactory(title="Alcool en restauration", metiers=[metier])

    outcome = _search(reader, "alcool")
    types = {value.value: value.count for value in outcome.facets["type"]}
    assert types == {"actualites": 2, "etudes-de-cas": 1}
    assert {value.label: value.count for value in outcome.facets["metier"]} == {"Infirmier": 2}
    # The restricted group is neither named nor counted, though one of its news items is public.
    assert {value.label: value.count for value in outcome.facets["groupe"]} == {"Vie au travail": 1}

    narrowed = _search(reader, "alcool", type="actualites", metier=metier.pk)
    assert [item.record.kind for item in narrowed.items] == ["actualites"]
    assert {value.value: value.count for value in narrowed.facets["type"]} == {"actualites": 1, "etudes-de-cas": 1}
