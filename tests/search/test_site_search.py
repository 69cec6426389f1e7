"""/recherche/: one search over every page type and the documents' text, respecting privacy."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests import factories, sample_files
from tests.utils import page_text, restrict_page_to_groups


def _search(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return page_text(response)


@pytest.mark.django_db
def test_finds_a_case_study_by_a_word_of_its_results(reader_client, home):
    factories.CaseStudyPageFactory(
        title="Étude de cas du bassin minier", results="<p>Une baisse nette des accidents de manutention.</p>"
    )
    factories.CaseStudyPageFactory(title="Étude de cas sans rapport")
    text = _search(reader_client, "manutention")
    assert "Étude de cas du bassin minier" in text
    assert "Étude de cas sans rapport" not in text


@pytest.mark.django_db
def test_finds_a_news_item_by_its_summary(reader_client, home):
    factories.NewsPageFactory(title="Nouvelle organisation", summary="Les visites de préreprise changent en septembre.")
    assert "Nouvelle organisation" in _search(reader_client, "préreprise")


@pytest.mark.django_db
def test_finds_a_document_by_its_text(reader_client, django_capture_on_commit_callbacks, db):
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document(
            "protocole.pdf", sample_files.pdf_bytes("Protocole de vaccination antitetanique"), title="Protocole"
        )
    assert "Protocole" in _search(reader_client, "antitetanique")


@pytest.mark.django_db
def test_finds_group_pages_by_their_action_sheet(reader_client, home):
    factories.WorkingGroupPageFactory(title="Groupe addictions", target_audience="<p>Les saisonniers agricoles.</p>")
    assert "Groupe addictions" in _search(reader_client, "saisonniers")


@pytest.mark.django_db
def test_filters_by_type(reader_client, home, django_capture_on_commit_callbacks):
    factories.CaseStudyPageFactory(title="Étude ergonomie", results="<p>Postes de caisse et ergonomie.</p>")
    factories.NewsPageFactory(title="Actualité ergonomie", summary="Formation ergonomie.")
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document("ergo.txt", b"Fiche ergonomie du poste de caisse", title="Document ergonomie")

    everything = _search(reader_client, "ergonomie")
    assert {"Étude ergonomie", "Actualité ergonomie", "Document ergonomie"} <= set(_titles(everything))

    case_studies = _search(reader_client, "ergonomie", type="etudes-de-cas")
    assert "Étude ergonomie" in case_studies
    assert "Actualité ergonomie" not in case_studies and "Document ergonomie" not in case_studies

    documents = _search(reader_client, "ergonomie", type="documents")
    assert "Document ergonomie" in documents
    assert "Étude ergonomie" not in documents and "Actualité ergonomie" not in documents


def _titles(text):
    return [t for t in ("Étude ergonomie", "Actualité ergonomie", "Document ergonomie") if t in text]


@pytest.mark.django_db
def test_unknown_type_searches_everything(reader_client, home):
    factories.NewsPageFactory(title="Actualité ergonomie", summary="Formation ergonomie.")
    assert "Actualité ergonomie" in _search(reader_client, "ergonomie", type="n-importe-quoi")


@pytest.mark.django_db
def test_drafts_never_appear(reader_client, home):
    factories.CaseStudyPageFactory(title="Étude en brouillon", results="<p>Résultats sur la silicose.</p>", live=False)
    factories.NewsPageFactory(title="Actualité publiée", summary="Prévention de la silicose.")
    text = _search(reader_client, "silicose")
    assert "Actualité publiée" in text
    assert "Étude en brouillon" not in text


@pytest.mark.django_db
def test_pages_restricted_to_another_group_never_appear(reader_client, home):
    committee = Group.objects.create(name="Comité stratégique")
    secret = factories.NewsPageFactory(title="Note réservée au comité", summary="Budget de la silicose.")
    restrict_page_to_groups(secret, committee)
    group = factories.WorkingGroupPageFactory(title="Groupe réservé")
    factories.MicroProjectPageFactory(parent=group, title="Micro-projet réservé", summary="Silicose en carrière.")
    restrict_page_to_groups(group, committee)
    factories.NewsPageFactory(title="Actualité publiée", summary="Prévention de la silicose.")
    text = _search(reader_client, "silicose")
    assert "Actualité publiée" in text
    assert "Note réservée au comité" not in text
    assert "Micro-projet réservé" not in text


@pytest.mark.django_db
def test_restricted_pages_appear_for_the_group(client, reader, home):
    committee = Group.objects.create(name="Comité stratégique")
    reader.groups.add(committee)
    client.force_login(reader)
    secret = factories.NewsPageFactory(title="Note réservée au comité", summary="Budget de la silicose.")
    restrict_page_to_groups(secret, committee)
    assert "Note réservée au comité" in _search(client, "silicose")


@pytest.mark.django_db
def test_medecin_without_accent_finds_medecin(reader_client, home):
    """On SQLite (FTS5) and on PostgreSQL alike: accents do not matter."""
    factories.NewsPageFactory(title="Réunion des praticiens", summary="Le médecin du travail présente le projet.")
    assert "Réunion des praticiens" in _search(reader_client, "medecin")
    assert "Réunion des praticiens" in _search(reader_client, "MÉDECIN")


@pytest.mark.django_db
def test_french_stemming_makes_medecins_find_medecin_on_every_database(reader_client, home):
    """The portal stems French words itself (search.analysis): SQLite finds the plural as PostgreSQL does."""
    factories.NewsPageFactory(title="Réunion des praticiens", summary="Le médecin du travail présente le projet.")
    assert "Réunion des praticiens" in _search(reader_client, "médecins")
    assert "Réunion des praticiens" in _search(reader_client, "medecins")


if connection.vendor == "postgresql":

    @pytest.mark.django_db
    def test_postgresql_index_folds_accents_without_stemming_the_portals_terms():
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_tsvector('simple_unaccent', 'Les médecins exposit')::text")
            vector = cursor.fetchone()[0]
        assert "'medecins'" in vector and "'exposit'" in vector


@pytest.mark.django_db
def test_a_promoted_result_comes_first(reader_client, home):
    promoted = factories.ApproachPageFactory(
        title="Démarche de prévention des TMS", purpose="<p>Pas le mot cherché.</p>"
    )
    factories.NewsPageFactory(title="Actualité sur les gestes", summary="Atelier ergonomie pour les caissières.")
    SearchPromotion.objects.create(
        query=Query.get("ergonomie"), page=promoted, sort_order=0, description="La démarche de référence."
    )
    text = _search(reader_client, "ergonomie")
    assert "Démarche de prévention des TMS" in text
    assert text.index("Démarche de prévention des TMS") < text.index("Actualité sur les gestes")
    assert "La démarche de référence." in text


@pytest.mark.django_db
def test_a_promotion_of_an_unpublished_page_is_not_shown(reader_client, home):
    promoted = factories.ApproachPageFactory(title="Démarche retirée", live=False)
    SearchPromotion.objects.create(query=Query.get("ergonomie"), page=promoted, sort_order=0)
    assert "Démarche retirée" not in _search(reader_client, "ergonomie")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_shows_no_results_without_error(reader_client, home, query):
    factories.NewsPageFactory(title="Une actualité publiée")
    response = reader_client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert response.context["result_count"] == 0
    assert "Une actualité publiée" not in page_text(response)


@pytest.mark.django_db
def test_search_without_parameters_opens(reader_client, home):
    assert reader_client.get("/recherche/").status_code == 200


@pytest.mark.django_db
def test_punctuation_in_queries_is_ignored_instead_of_breaking_the_search(reader_client, home):
    factories.NewsPageFactory(title="Actualité de l'équipe", summary="L'équipe pluridisciplinaire se réunit.")
    for query in ['"pluridisciplinaire', "pluridisciplinaire)", "(((pluridisciplinaire", "pluridisciplinaire*:"]:
        assert "Actualité de l'équipe" in _search(reader_client, query), query
    for query in ['"', "(((", "AND OR NOT", "x" * 500]:
        assert reader_client.get("/recherche/", {"q": query}).status_code == 200, query


@pytest.mark.django_db
def test_when_a_word_is_everywhere_the_page_titled_with_it_is_still_among_those_ranked(
    reader_client, home, monkeypatch
):
    # The engine keeps only the best candidates for ranking; a title match must weigh more than a body one.
    monkeypatch.setattr("search.services.site_search.MAX_CANDIDATES", 3)
    for number in range(6):
        factories.NewsPageFactory(
            title=f"Note de service {number}", summary="Rappel canicule : canicule, encore canicule."
        )
    factories.NewsPageFactory(title="Canicule", summary="Les consignes de l’été pour les équipes des sites.")
    assert "Les consignes de l’été pour les équipes" in _search(reader_client, "canicule")
