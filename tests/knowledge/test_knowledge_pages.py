"""Case studies (Client, Situation, Mandat, Mode d'intervention, Résultats) and modelised approaches."""

import pytest

from knowledge.models import ApproachTool, CaseStudyAttachment
from tests import factories
from tests.utils import page_text


@pytest.fixture
def case_study(home):
    return factories.CaseStudyPageFactory(
        title="Projet partenarial de santé au travail en Artois",
        client="Communauté d'agglomération de Lens-Liévin",
        territory="Artois",
        situation="<p>Des entreprises sans suivi collectif des risques.</p>",
        mandate="<p>Construire une offre de prévention partagée.</p>",
        intervention="<p>Ateliers avec les employeurs et les équipes pluridisciplinaires.</p>",
        results="<p>Une charte signée par douze entreprises.</p>",
    )


@pytest.mark.django_db
def test_case_study_shows_its_five_parts(reader_client, case_study):
    response = reader_client.get(case_study.url)
    assert response.status_code == 200
    text = page_text(response)
    for heading in ("Client", "Situation", "Mandat", "Mode d'intervention", "Résultats"):
        assert heading.lower() in text.replace("’", "'").lower(), heading
    for value in (
        "Communauté d'agglomération de Lens-Liévin",
        "Des entreprises sans suivi collectif des risques.",
        "Construire une offre de prévention partagée.",
        "Ateliers avec les employeurs et les équipes pluridisciplinaires.",
        "Une charte signée par douze entreprises.",
        "Artois",
    ):
        assert value in text, value


@pytest.mark.django_db
def test_case_study_links_to_its_approaches_and_attachments(reader_client, case_study):
    approach = factories.ApproachPageFactory(title="Conduire un projet partenarial")
    factories.ApproachPageFactory(title="Démarche non liée")
    factories.CaseStudyApproachLinkFactory(page=case_study, approach=approach)
    document = factories.make_document("charte.txt", b"Charte", title="Charte des entreprises")
    CaseStudyAttachment.objects.create(page=case_study, document=document)

    response = reader_client.get(case_study.url)
    text = page_text(response)
    assert "Conduire un projet partenarial" in text
    assert "Démarche non liée" not in text
    assert "Charte des entreprises" in text
    assert approach.url in response.content.decode()
    assert document.url in response.content.decode()


@pytest.mark.django_db
def test_approach_shows_its_steps_in_order_tools_and_case_studies(reader_client, case_study):
    approach = factories.ApproachPageFactory(
        title="Conduire un projet partenarial",
        purpose="<p>Associer les acteurs d'un territoire.</p>",
        steps=[
            ("step", {"title": "Identifier les partenaires", "body": "<p>Cartographier les acteurs.</p>"}),
            ("step", {"title": "Formaliser le mandat", "body": "<p>Écrire la commande.</p>"}),
            ("step", {"title": "Évaluer les résultats", "body": ""}),
        ],
    )
    factories.CaseStudyApproachLinkFactory(page=case_study, approach=approach)
    tool = factories.make_document("grille.txt", b"Grille", title="Grille d'analyse des partenaires")
    ApproachTool.objects.create(page=approach, document=tool, description="À remplir avant le premier atelier")

    response = reader_client.get(approach.url)
    assert response.status_code == 200
    text = page_text(response)
    positions = [
        text.index(step) for step in ("Identifier les partenaires", "Formaliser le mandat", "Évaluer les résultats")
    ]
    assert positions == sorted(positions)
    assert "Cartographier les acteurs." in text
    assert "Associer les acteurs d'un territoire." in text
    assert "Grille d'analyse des partenaires" in text
    assert "Projet partenarial de santé au travail en Artois" in text


@pytest.mark.django_db
def test_approach_does_not_list_draft_case_studies(reader_client, home):
    approach = factories.ApproachPageFactory()
    draft = factories.CaseStudyPageFactory(title="Étude de cas en préparation", live=False)
    factories.CaseStudyApproachLinkFactory(page=draft, approach=approach)
    assert "Étude de cas en préparation" not in page_text(reader_client.get(approach.url))


@pytest.mark.django_db
def test_case_study_index_filters_by_theme_metier_and_territory(reader_client, sections, case_study):
    medecin = factories.MetierFactory(name="Médecin du travail")
    other = factories.CaseStudyPageFactory(title="Étude de cas à Rennes", territory="Rennes", metiers=[medecin])
    other.tags.add("Formation")
    other.save()
    index = sections["knowledge.CaseStudyIndexPage"]

    def titles(query):
        text = page_text(reader_client.get(index.url + query))
        return {t for t in (case_study.title, other.title) if t in text}

    assert titles("") == {case_study.title, other.title}
    assert titles("?territoire=Artois") == {case_study.title}
    assert titles(f"?metier={medecin.slug}") == {case_study.title, other.title}  # case_study is for everyone
    case_study.metiers.set([factories.MetierFactory(name="Infirmier en santé au travail")])
    case_study.save_revision().publish()
    assert titles(f"?metier={medecin.slug}") == {other.title}
    assert titles("?theme=formation") == {other.title}


@pytest.mark.django_db
def test_approach_index_lists_approaches(reader_client, sections):
    factories.ApproachPageFactory(title="Conduire un projet partenarial")
    index = sections["knowledge.ApproachIndexPage"]
    assert "Conduire un projet partenarial" in page_text(reader_client.get(index.url))
