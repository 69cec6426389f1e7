"""Recherche > Sigles des contenus: the acronyms the content defines and the thesaurus lacks, proposed with
the thesaurus' form filled in; read only from what the viewer may open."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from search.admin_views import synonym_add_url
from search.services.acronym_mining import definitions
from tests import factories
from tests.utils import assert_query_budget, page_text, restrict_page_to_groups

pytestmark = pytest.mark.django_db
URL = reverse("acronym_proposals:index")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("La cellule de maintien en emploi (CME) suit le salarié.", [("CME", "cellule de maintien en emploi")]),
        (
            "Le DUERP (document unique d’évaluation des risques professionnels) est à jour.",
            [("DUERP", "document unique d’évaluation des risques professionnels")],
        ),
        ("Le DUERP (document unique d’évaluation des risques) : le P manque.", []),
        ("Les troubles musculo-squelettiques (TMS) sont fréquents.", [("TMS", "troubles musculo-squelettiques")]),
        ("Le groupe (GT3) se réunit ; la réunion (ODJ) est courte.", []),
        ("Voir la page (X) ou l’annexe (A1).", []),
    ],
)
def test_a_definition_is_an_acronym_spelt_by_the_initials_of_its_expansion(text, found):
    assert definitions(text) == found


@pytest.fixture
def defining_pages(sections, committee):
    factories.NewsPageFactory(
        title="Le maintien en emploi",
        summary="La cellule de maintien en emploi (CME) et la prévention de la désinsertion professionnelle (PDP).",
    )
    secret = factories.NewsPageFactory(title="Note du comité", summary="Le comité de suivi restreint (CSR) se réunit.")
    restrict_page_to_groups(secret, committee)


def test_administrators_get_what_the_thesaurus_lacks_with_the_form_filled_in(admin_client, defining_pages):
    response = admin_client.get(URL)
    assert "<h1" in response.content.decode() and "Sigles des contenus" in page_text(response).split("Les sigles")[0]
    rows = page_text(response).split("Sigle Développement Contenus Action", 1)[1]
    assert "cellule de maintien en emploi" in rows and "comité de suivi restreint" in rows
    assert "PDP" not in rows  # the thesaurus has it
    html = response.content.decode()
    assert synonym_add_url("CME, cellule de maintien en emploi").replace("&", "&amp;") in html


def test_an_editor_of_the_thesaurus_gets_nothing_from_a_page_restricted_to_others(project_officer, defining_pages):
    project_officer.user_permissions.add(
        Permission.objects.get(content_type__app_label="portal_search", codename="add_synonym")
    )
    editor = Client()
    editor.force_login(type(project_officer).objects.get(pk=project_officer.pk))
    text = page_text(editor.get(URL))
    assert "cellule de maintien en emploi" in text
    assert "CSR" not in text and "comité de suivi restreint" not in text


def test_who_may_not_add_synonyms_cannot_open_it(reader_client, officer_client, defining_pages):
    for refused in (reader_client.get(URL), officer_client.get(URL)):
        assert refused.status_code in (302, 403) and "cellule de maintien" not in refused.content.decode()
    assert Client().get(URL)["Location"].startswith("/comptes/connexion/")  # anonymous: to the sign-in page


def test_the_page_costs_the_same_queries_for_5_or_30_defining_pages(admin_client, sections):
    def add_pages(count):
        for _ in range(count):
            factories.NewsPageFactory(summary="La cellule de maintien en emploi (CME) et le comité de retour (CR).")

    assert_query_budget(admin_client, URL, add_pages)
