"""A small but complete portal for the browser tests: one page of every type, with every structured field filled."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection

from base.models import StandardPage
from home.services.site_tree import ensure_home, ensure_sections
from knowledge.models import ApproachTool, CaseStudyAttachment
from news.models import NewsPage
from people.models import DirectoryPage
from projects.models import (
    GroupStatus,
    MicroProjectStatus,
    NeedComment,
    NeedsStatusChange,
    NeedStatus,
    NeedSupport,
    ServiceProjectPage,
    ServiceProjectResourcePerson,
    WorkingGroupDocument,
    WorkingGroupMember,
)
from tests import factories

READER_EMAIL = "lina.lecteur@example.org"
PASSWORD = "motdepasse-de-test"
GROUP_TITLE = "Prévention de la désinsertion professionnelle"
CASE_STUDY_TITLE = "Études de cas en formation continue à l’EHESP"

FICHE_ACTION_HEADINGS = [
    "Contexte / constat",
    "Objectifs",
    "Public cible",
    "Actions et étapes",
    "Calendrier",
    "Livrables",
    "Indicateurs d’évaluation",
    "Ressources",
    "Partenaires",
]
CASE_STUDY_HEADINGS = ["Client", "Situation", "Mandat", "Mode d’intervention", "Résultats"]


def _stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _publish(page):
    page.save_revision().publish()
    return page


def _body(document, image) -> str:
    """A body using every block of base.blocks.BodyBlock."""
    return _stream(
        ("heading", {"text": "Où en est-on ?", "level": "h2"}),
        ("paragraph", '<p>Dix groupes de travail sont <a href="/">structurés</a> et sept fiches besoins établies.</p>'),
        ("heading", {"text": "Les prochaines étapes", "level": "h3"}),
        ("image", {"image": image.pk, "alt_text": "Les pilotes réunis à Arras", "decorative": False}),
        ("callout", {"kind": "important", "title": "À retenir", "text": "<p>Les comptes rendus sont en ligne.</p>"}),
        ("callout", {"kind": "tip", "title": "", "text": "<p>Abonnez-vous au flux des actualités.</p>"}),
        (
            "quote",
            {"quote": "L’accompagnement au changement : un facteur de réussite.", "attribution": "Dr Fabrice Roy"},
        ),
        ("documents", {"title": "Pour aller plus loin", "documents": [document.pk]}),
    )


def build_portal() -> dict:
    """Create the content and return {name: URL path} for every page type and route."""
    now = timezone.now()
    today = timezone.localdate()
    home = ensure_home()
    sections = ensure_sections()
    collection = Collection.get_first_root_node() or Collection.add_root(name="Bibliothèque")

    nurse = factories.MetierFactory(name="Infirmier en santé au travail")
    doctor = factories.MetierFactory(name="Médecin du travail")
    user = get_user_model().objects.create_user(
        username="lina", email=READER_EMAIL, password=PASSWORD, first_name="Lina", last_name="Lecteur"
    )
    reader = factories.PersonFactory(first_name="Lina", last_name="Lecteur", user=user, metier=nurse, site="Arras")
    pilot = factories.PersonFactory(
        first_name="Sophie",
        last_name="Durand",
        metier=doctor,
        job_title="Médecin du travail",
        sector_delegate_for="Lens-Liévin",
        trained_in_project_management_on=today,
        email="sophie.durand@example.org",
        phone="03 21 00 00 00",
    )
    referent = factories.PersonFactory(first_name="Laura", last_name="Deleligne", job_title="Chargée de projets")

    document = factories.DocumentFactory(
        title="Trame de fiche action",
        collection=collection,
        description="Modèle à remplir par chaque groupe.",
        file__filename="trame-fiche-action.txt",
        file__data=b"Trame : contexte, objectifs, public cible, calendrier.",
    )
    factories.DocumentFactory(
        title="Compte rendu scanné de 2019",
        collection=collection,
        accessibility="not_accessible",
        file__filename="compte-rendu-2019.txt",
        file__data=b"Compte rendu numerise.",
    )
    image = factories.ImageFactory(title="Réunion des pilotes", collection=collection)

    service_project = ServiceProjectPage.objects.get(pk=sections["projects.ServiceProjectPage"].pk)
    service_project.summary = "Le projet de service pluriannuel, informatif et participatif."
    service_project.period_start, service_project.period_end = 2025, 2029
    service_project.context = "<p>Au-delà d’une obligation réglementaire, une dynamique collective.</p>"
    service_project.objectives = _stream(
        ("objective", {"title": "Informer, mobiliser et impliquer les équipes", "description": "Par métier."}),
        ("objective", {"title": "Recueillir les besoins de terrain", "description": ""}),
    )
    service_project.methodology = _body(document, image)
    service_project.phases = _stream(
        (
            "phase",
            {"title": "Lancement", "start": "2025-01-06", "end": "2025-06-30", "state": "done", "description": ""},
        ),
        (
            "phase",
            {"title": "Groupes de travail", "start": "2025-09-01", "end": None, "state": "current", "description": ""},
        ),
        ("phase", {"title": "Bilan", "start": None, "end": "2029-06-30", "state": "planned", "description": ""}),
    )
    service_project.governance = _stream(
        (
            "body",
            {
                "name": "Comité stratégique",
                "mission": "<p>Valide les orientations.</p>",
                "meeting_frequency": "Trimestrielle",
                "members": [referent.pk, pilot.pk],
            },
        ),
    )
    _publish(service_project)
    ServiceProjectResourcePerson.objects.create(page=service_project, person=pilot, role="Médecin délégué de secteur")

    group = factories.WorkingGroupPageFactory(
        title=GROUP_TITLE,
        status=GroupStatus.ACTIVE,
        referent=referent,
        metiers=[nurse, doctor],
        body=_stream(("paragraph", "<p>Le groupe se réunit une fois par mois.</p>")),
        target_audience="<p>Médecins du travail et infirmiers.</p>",
        action_steps=_stream(
            (
                "step",
                {"title": "État des lieux", "description": "Questionnaire.", "due": "2025-11-30", "state": "done"},
            ),
            ("step", {"title": "Rédaction du guide", "description": "", "due": None, "state": "doing"}),
            ("step", {"title": "Diffusion", "description": "", "due": None, "state": "todo"}),
        ),
        schedule=_stream(("milestone", {"date": "2026-04-15", "label": "Présentation au comité stratégique"})),
        deliverables="<ul><li>Guide de bonnes pratiques</li></ul>",
        indicators=_stream(("indicator", {"name": "Professionnels formés", "target": "50"})),
        resources="<p>Une demi-journée par mois.</p>",
        partners="<p>CARSAT, Cap emploi.</p>",
    )
    WorkingGroupMember.objects.create(page=group, person=pilot, role=WorkingGroupMember.Role.PILOT)
    WorkingGroupMember.objects.create(page=group, person=reader, role=WorkingGroupMember.Role.MEMBER)
    factories.WorkingGroupMeetingFactory(page=group, agenda="Point d’avancement\nRelecture du guide")
    factories.WorkingGroupMeetingFactory(
        page=group,
        starts_at=now - datetime.timedelta(days=20),
        title="Réunion de lancement",
        minutes="<p>La fiche action est validée.</p>",
        minutes_document=document,
    )
    WorkingGroupDocument.objects.create(page=group, document=document, description="La trame du groupe")
    factories.WorkingGroupPageFactory(title="Risques psychosociaux", status=GroupStatus.FORMING)

    need = factories.NeedsSheetPageFactory(
        title="Un outil commun pour préparer les visites",
        status=NeedStatus.RETAINED,
        submitted_by=reader,
        suggested_group=group,
        context="<p>Constat partagé en réunion d’information.</p>",
        decision="<p>Retenue : un micro-projet est lancé.</p>",
        metiers=[nurse],
    )
    NeedsStatusChange.objects.create(sheet=need, status=NeedStatus.SUBMITTED, decided_by=user)
    NeedsStatusChange.objects.create(sheet=need, status=NeedStatus.RETAINED, decided_by=None)
    NeedSupport.objects.create(sheet=need, user=user)
    NeedComment.objects.create(sheet=need, author=user, body="Même constat à Arras : chacun refait sa grille.")
    factories.NeedsSheetPageFactory(title="Former à l’accueil téléphonique", status=NeedStatus.UNDER_REVIEW)
    micro_project = factories.MicroProjectPageFactory(
        parent=group,
        title="Kit de préparation des visites",
        needs_sheet=need,
        lead=reader,
        status=MicroProjectStatus.RUNNING,
        start=today,
        body=_stream(("paragraph", "<p>Un kit testé dans deux secteurs.</p>")),
    )

    news = factories.NewsPageFactory(
        title="Dix groupes de travail lancés",
        author=referent,
        working_group=group,
        image=image,
        metiers=[nurse],
        body=_body(document, image),
    )
    news.tags.add("projet de service")
    _publish(NewsPage.objects.get(pk=news.pk))
    factories.NewsPageFactory(title="Nouvelle trame de fiche action", date=today - datetime.timedelta(days=400))

    event = factories.EventPageFactory(
        title="Réunion d’information des infirmiers",
        organiser=referent,
        working_group=group,
        end=now + datetime.timedelta(days=7, hours=2),
        registration="Auprès de l’équipe projet.",
        metiers=[nurse],
    )
    factories.EventPageFactory(title="Formation à la conduite de projet", start=now - datetime.timedelta(days=10))

    approach = factories.ApproachPageFactory(
        title="Conduire un projet partenarial",
        steps=_stream(
            ("step", {"title": "Repérer le type de projet", "body": "<p>Interne ou partenarial.</p>"}),
            ("step", {"title": "Rédiger la fiche action", "body": ""}),
        ),
    )
    ApproachTool.objects.create(page=approach, document=document, description="Trame à compléter")
    case_study = factories.CaseStudyPageFactory(
        title=CASE_STUDY_TITLE,
        client="École des hautes études en santé publique (Rennes)",
        intervention="<ul><li>études de cas élaborées avec des personnes ressources ;</li><li>présentations.</li></ul>",
        metiers=[doctor],
    )
    case_study.tags.add("formation")
    _publish(type(case_study).objects.get(pk=case_study.pk))
    factories.CaseStudyApproachLinkFactory(page=case_study, approach=approach)
    CaseStudyAttachment.objects.create(page=case_study, document=document, description="Support de présentation")

    standard = StandardPage(
        title="Mode d’emploi de l’intranet", summary="Trouver l’information.", body=_body(document, image)
    )
    home.add_child(instance=standard)
    _publish(standard)

    SearchPromotion.objects.create(
        query=Query.get("fiche action"),
        page=sections["projects.WorkingGroupIndexPage"],
        description="Les fiches action.",
        sort_order=0,
    )

    directory = DirectoryPage.objects.get(pk=sections["people.DirectoryPage"].pk)
    needs_index = sections["projects.NeedsIndexPage"]
    return {
        "home": "/",
        "standard page": standard.url,
        "service project": service_project.url,
        "groups index": sections["projects.WorkingGroupIndexPage"].url,
        "group": group.url,
        "micro-project": micro_project.url,
        "needs index": needs_index.url,
        "needs form": needs_index.url + "soumettre/",
        "needs sheet": need.url,
        "news index": sections["news.NewsIndexPage"].url,
        "news": news.url,
        "events index": sections["events.EventIndexPage"].url,
        "event": event.url,
        "case studies index": sections["knowledge.CaseStudyIndexPage"].url,
        "case study": case_study.url,
        "approaches index": sections["knowledge.ApproachIndexPage"].url,
        "approach": approach.url,
        "document library": sections["documents.DocumentLibraryPage"].url,
        "directory": directory.url,
        "person card": f"{directory.url}{pilot.pk}/",
        "search results": "/recherche/?q=fiche+action",
        "my needs sheets": needs_index.url + "mes-fiches/",
        "dashboard": sections["dashboard.DashboardPage"].url,
        "notifications": "/notifications/",
        "my subscriptions": "/mon-compte/abonnements/",
        "my card": "/ma-fiche/",
        "password change": "/comptes/mot-de-passe/",
        "accessibility statement": sections["legal.AccessibilityStatementPage"].url,
        "filtered document library": sections["documents.DocumentLibraryPage"].url + "?accessibility=not_accessible",
        "refused filters": sections["news.NewsIndexPage"].url + "?annee=%C2%B2&metier=inconnu",
        "search without results": "/recherche/?q=zzzzqqq",
    }
