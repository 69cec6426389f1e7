"""load_demo, stage by stage, in one transaction: the demo site is loaded whole or not at all."""

from collections.abc import Callable

from django.db import transaction

from accounts.roles import ensure_roles
from base.bulk import bulk_publication
from home.services.site_tree import ensure_sections
from projects.models import WorkingGroupPage
from projects.services.pilots import sync_pilot_permissions

from .accounts import DemoAccount, ensure_accounts
from .content import DemoContext, import_demo_pages, load_json
from .dates import DemoCalendar
from .directory import ensure_metiers, ensure_people
from .library import ensure_documents
from .needs_participation import ensure_needs_participation
from .notifications import ensure_demo_notifications
from .site import ensure_micro_projects, update_home_and_sections, update_service_project


def load_demo(log: Callable[[str], None] = lambda message: None) -> list[DemoAccount]:
    """Create or bring up to date the demo content and accounts; a second run changes nothing."""
    with transaction.atomic(), bulk_publication():
        log("Rôles et rubriques du site…")
        roles = ensure_roles()
        sections = ensure_sections()

        log("Métiers et annuaire…")
        directory = load_json("annuaire.json")
        metiers = ensure_metiers(directory["metiers"])
        people = ensure_people(directory["people"], metiers)

        log("Comptes de démonstration…")
        accounts = ensure_accounts(people, roles)

        log("Documents (PDF, DOCX, ODT)…")
        documents = ensure_documents(load_json("documents.json"), metiers)

        log("Pages : groupes, fiches besoins, actualités, agenda, démarches, études de cas…")
        context = DemoContext(calendar=DemoCalendar.for_today(), people=people, documents=documents)
        report = import_demo_pages(context)
        log(f"  {report.summary()}")

        log("Micro-projets, projet de service, accueil…")
        written = ensure_micro_projects(context)
        written += int(update_service_project(context, sections))
        written += update_home_and_sections(sections)
        log(f"  {written} page(s) créée(s) ou mise(s) à jour.")

        log("Historique, soutiens et commentaires des fiches besoins…")
        ensure_needs_participation(context)

        log("Notifications du compte lecteur…")
        ensure_demo_notifications()

        log("Droits des pilotes sur leur groupe…")
        for group in WorkingGroupPage.objects.all():
            sync_pilot_permissions(group)
    return accounts
