"""What readers see on the projet de service, working group, micro-project and needs sheet pages."""

import datetime

import pytest
from django.utils import timezone

from projects.models import GroupStatus, NeedStatus, ServiceProjectResourcePerson, WorkingGroupDocument
from tests import factories
from tests.utils import page_text

ACTION_SHEET = {
    "action_context": ("Contexte / constat", "Les équipes repèrent mal les expositions chimiques."),
    "action_objectives": ("Objectifs", "Harmoniser le repérage dans toutes les antennes."),
    "target_audience": ("Public cible", "Les infirmiers en santé au travail."),
    "deliverables": ("Livrables", "Une grille de repérage partagée."),
    "resources": ("Ressources", "Deux demi-journées par mois."),
    "partners": ("Partenaires", "La CARSAT et l'INRS."),
}


@pytest.fixture
def group(home):
    referent = factories.PersonFactory(first_name="Laura", last_name="Deleligne")
    values = {field: f"<p>{text}</p>" for field, (_heading, text) in ACTION_SHEET.items()}
    group = factories.WorkingGroupPageFactory(
        title="Risque chimique",
        status=GroupStatus.ACTIVE,
        referent=referent,
        action_steps=[
            (
                "step",
                {"title": "Recenser les grilles existantes", "description": "Dans chaque antenne.", "state": "done"},
            ),
            ("step", {"title": "Tester la grille commune", "description": "", "state": "todo"}),
        ],
        schedule=[("milestone", {"date": datetime.date(2026, 3, 15), "label": "Présentation au comité"})],
        indicators=[("indicator", {"name": "Entreprises visitées avec la grille", "target": "80", "unit": "%"})],
        **values,
    )
    factories.WorkingGroupMemberFactory(
        page=group, person=factories.PersonFactory(first_name="Paul", last_name="Pilote"), role="pilot"
    )
    factories.WorkingGroupMemberFactory(
        page=group, person=factories.PersonFactory(first_name="Marie", last_name="Membre")
    )
    return group


@pytest.mark.django_db
def test_group_page_shows_the_action_sheet_headings_and_content(reader_client, group):
    response = reader_client.get(group.url)
    assert response.status_code == 200
    text = page_text(response)
    for field, (heading, content) in ACTION_SHEET.items():
        assert heading.lower() in text.lower(), field
        assert content in text, field
    for extra in ("Recenser les grilles existantes", "Tester la grille commune", "Présentation au comité"):
        assert extra in text
    assert "Entreprises visitées avec la grille" in text and "80 %" in text


@pytest.mark.django_db
def test_group_page_shows_its_people_and_status(reader_client, group):
    text = page_text(reader_client.get(group.url))
    assert "Actif" in text
    assert "Paul Pilote" in text
    assert "Marie Membre" in text
    assert "Laura Deleligne" in text


@pytest.mark.django_db
def test_group_page_shows_meetings_minutes_documents_news_and_micro_projects(reader_client, group):
    factories.WorkingGroupMeetingFactory(
        page=group,
        title="Réunion de lancement",
        starts_at=timezone.now() - datetime.timedelta(days=20),
        minutes="<p>Décision : tester la grille à Lens.</p>",
    )
    factories.WorkingGroupMeetingFactory(
        page=group, title="Deuxième réunion", starts_at=timezone.now() + datetime.timedelta(days=10)
    )
    document = factories.make_document("grille-reperage.txt", b"Grille", title="Grille de repérage v2")
    WorkingGroupDocument.objects.create(page=group, document=document, description="Version testée à Lens")
    factories.NewsPageFactory(title="Le groupe risque chimique se lance", working_group=group)
    factories.MicroProjectPageFactory(parent=group, title="Fiche réflexe produits CMR")

    text = page_text(reader_client.get(group.url))

    for expected in (
        "Réunion de lancement",
        "Décision : tester la grille à Lens.",
        "Deuxième réunion",
        "Grille de repérage v2",
        "Le groupe risque chimique se lance",
        "Fiche réflexe produits CMR",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_group_page_hides_draft_micro_projects_and_other_groups_news(reader_client, group):
    factories.MicroProjectPageFactory(parent=group, title="Micro-projet en préparation", live=False)
    factories.NewsPageFactory(title="Actualité d'un autre groupe", working_group=factories.WorkingGroupPageFactory())
    text = page_text(reader_client.get(group.url))
    assert "Micro-projet en préparation" not in text
    assert "Actualité d'un autre groupe" not in text


@pytest.mark.django_db
def test_group_index_filters_by_status_and_metier(reader_client, sections):
    psy = factories.MetierFactory(name="Psychologue du travail")
    nurse = factories.MetierFactory(name="Infirmier en santé au travail")
    factories.WorkingGroupPageFactory(title="Groupe actif des psychologues", status=GroupStatus.ACTIVE, metiers=[psy])
    factories.WorkingGroupPageFactory(title="Groupe clos", status=GroupStatus.CLOSED, metiers=[nurse])
    factories.WorkingGroupPageFactory(title="Groupe ouvert à tous", status=GroupStatus.FORMING)
    index = sections["projects.WorkingGroupIndexPage"]

    everything = page_text(reader_client.get(index.url))
    assert "Groupe actif des psychologues" in everything and "Groupe clos" in everything

    closed = page_text(reader_client.get(index.url + "?statut=closed"))
    assert "Groupe clos" in closed and "Groupe actif des psychologues" not in closed

    by_metier = page_text(reader_client.get(index.url + f"?metier={psy.slug}"))
    assert "Groupe actif des psychologues" in by_metier and "Groupe clos" not in by_metier
    # A group meant for no métier in particular is for every métier (PortalPageQuerySet.for_metier).
    assert "Groupe ouvert à tous" in by_metier


@pytest.mark.django_db
def test_service_project_page_shows_objectives_phases_governance_and_resource_people(reader_client, sections):
    page = sections["projects.ServiceProjectPage"]
    director = factories.PersonFactory(first_name="Fabrice", last_name="Roy")
    delegate = factories.PersonFactory(first_name="Claire", last_name="Dufour")
    page.context = "<p>Une dynamique collective au-delà de l'obligation.</p>"
    page.objectives = [("objective", {"title": "Prévenir la désinsertion professionnelle", "description": ""})]
    page.phases = [
        (
            "phase",
            {
                "title": "Diagnostic partagé",
                "start": datetime.date(2025, 1, 1),
                "end": datetime.date(2025, 6, 30),
                "state": "done",
                "description": "",
            },
        )
    ]
    page.governance = [
        (
            "body",
            {"name": "Comité stratégique", "mission": "", "meeting_frequency": "Trimestrielle", "members": [director]},
        )
    ]
    page.save()
    ServiceProjectResourcePerson.objects.create(page=page, person=delegate, role="Médecin délégué de secteur")

    text = page_text(reader_client.get(page.url))

    for expected in (
        "Une dynamique collective au-delà de l'obligation.",
        "Prévenir la désinsertion professionnelle",
        "Diagnostic partagé",
        "Comité stratégique",
        "Fabrice Roy",
        "Claire Dufour",
        "Médecin délégué de secteur",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_micro_project_page_shows_its_group_and_needs_sheet(reader_client, group):
    sheet = factories.NeedsSheetPageFactory(title="Besoin d'une fiche réflexe CMR", status=NeedStatus.RETAINED)
    micro = factories.MicroProjectPageFactory(parent=group, title="Fiche réflexe produits CMR", needs_sheet=sheet)
    text = page_text(reader_client.get(micro.url))
    assert "Risque chimique" in text
    assert "Besoin d'une fiche réflexe CMR" in text


@pytest.mark.django_db
def test_needs_sheet_page_shows_status_need_and_decision(reader_client, home):
    author = factories.PersonFactory(first_name="Nina", last_name="Infirmière")
    sheet = factories.NeedsSheetPageFactory(
        title="Besoin d'un annuaire des partenaires",
        status=NeedStatus.RETAINED,
        submitted_by=author,
        need="<p>Retrouver vite les partenaires du maintien en emploi.</p>",
        decision="<p>Retenue par le comité du 12 mars.</p>",
    )
    text = page_text(reader_client.get(sheet.url))
    assert "Retenue" in text
    assert "Nina Infirmière" in text
    assert "Retrouver vite les partenaires du maintien en emploi." in text
    assert "Retenue par le comité du 12 mars." in text
