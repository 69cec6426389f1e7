"""load_demo, stage by stage, in one transaction: the demo site is loaded whole or not at all.

It creates only what is missing and never writes over what exists (see each stage), so that running it again,
as `make run` does at every start, keeps what was edited since and gives nobody a notification.
"""

from collections.abc import Callable

from django.db import transaction

from accounts.roles import ensure_roles
from base.bulk import bulk_publication
from home.services.site_tree import ensure_sections
from legal.services.personal_data_page import ensure_personal_data_page
from projects.models import WorkingGroupPage
from projects.services.pilots import sync_pilot_permissions

from .accounts import LoadedAccount, ensure_accounts
from .content import DemoContext, import_demo_pages, load_json
from .dates import DemoCalendar
from .directory import ensure_metiers, ensure_people
from .governance import ensure_governance
from .library import ensure_documents
from .needs_participation import ensure_needs_participation
from .site import ensure_micro_projects, fill_home_and_sections, fill_service_project


def pages_summary(created: int, kept: int, done: tuple[str, str] = ("créée", "créées")) -> str:
    """ "2 pages créées, 54 déjà présentes, laissées telles quelles." """
    text = f"{created} page {done[0]}" if created <= 1 else f"{created} pages {done[1]}"
    if kept == 1:
        text += ", 1 déjà présente, laissée telle quelle"
    elif kept > 1:
        text += f", {kept} déjà présentes, laissées telles quelles"
    return text + "."


def load_demo(log: Callable[[str], None] = lambda message: None) -> list[LoadedAccount]:
    """Create what is missing of the demo content and accounts; what exists is left as it is."""
    # Publications in bulk tell no follower (participation.signals), first publications of pages created
    # again included.
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
        report, kept = import_demo_pages(context)
        log(f"  {pages_summary(report.created, kept)}")
        created_ids = set(report.page_ids.values())

        log("Micro-projets, projet de service, accueil…")
        micro_projects, kept = ensure_micro_projects(context)
        created_ids.update(page.pk for page in micro_projects)
        filled = [fill_service_project(context, sections)]
        filled_sections, kept_sections = fill_home_and_sections(sections)
        ensure_personal_data_page()
        written = len(micro_projects) + sum(filled) + filled_sections
        kept += len(filled) - sum(filled) + kept_sections
        log(f"  {pages_summary(written, kept, ('créée ou remplie', 'créées ou remplies'))}")

        log("Historique, soutiens et commentaires des fiches besoins…")
        ensure_needs_participation(created_ids)

        log("Responsables des pages, vérifications et avis des lecteurs…")
        log(f"  {ensure_governance()} page(s) avec leur responsable de démonstration.")

        # A group gets its pilots' rights when published; an account created after its groups gets them here,
        # from each group's pilots as they are now. Existing accounts' roles are left as they are.
        if any(loaded.created for loaded in accounts):
            log("Droits des pilotes sur leur groupe…")
            for group in WorkingGroupPage.objects.all():
                sync_pilot_permissions(group)
    return accounts
