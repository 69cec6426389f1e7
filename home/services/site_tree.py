"""The shape of the site: a home page and one section page per kind of content.

Imports and demo loading call these to find (or create, on a fresh site) the page under
which content goes, so they work on an empty database as well as on a populated one.
"""

import os
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

# Page types are named by their labels: the home page's type (home.models) shows the dashboard built by
# this package's services, so it is not imported here.
HOME = "home.HomePage"
# Section model label → (title, slug), in menu order.
SECTIONS = {
    "projects.ServiceProjectPage": ("Projet de service", "projet-de-service"),
    "projects.WorkingGroupIndexPage": ("Groupes de travail", "groupes-de-travail"),
    "projects.NeedsIndexPage": ("Fiches besoins", "besoins"),
    "news.NewsIndexPage": ("Actualités", "actualites"),
    "events.EventIndexPage": ("Agenda", "agenda"),
    "knowledge.CaseStudyIndexPage": ("Études de cas", "etudes-de-cas"),
    "knowledge.ApproachIndexPage": ("Démarches modélisées", "demarches"),
    "documents.DocumentLibraryPage": ("Documents", "bibliotheque"),
    "people.DirectoryPage": ("Annuaire", "annuaire"),
    "dashboard.DashboardPage": ("Tableau de bord", "tableau-de-bord"),
    "legal.AccessibilityStatementPage": ("Déclaration d’accessibilité", "accessibilite"),
}
# Sections reached from other pages rather than from the main menu (the key figures lead to the dashboard, every
# page's footer to the accessibility statement).
OUTSIDE_MENU = {"dashboard.DashboardPage", "legal.AccessibilityStatementPage"}


def configured_host() -> tuple[str, int]:
    """Hostname and port of the portal's address (settings.WAGTAILADMIN_BASE_URL, from PORTAL_BASE_URL)."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL or "http://localhost")
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


# The address Wagtail's and this project's first migrations give the default site.
PLACEHOLDER_HOST = ("localhost", 80)


def _follow_configured_host(site: Site) -> None:
    """Give the site the configured address, so that absolute page URLs (feeds, API, e-mails) use it."""
    site.hostname, site.port = configured_host()


@transaction.atomic
def ensure_home() -> Page:
    """The default site's home page, created (with its root and site) when missing."""
    home_type = _model(HOME)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, home_type):
        placeholder = (site.hostname, site.port) == PLACEHOLDER_HOST
        if (placeholder or os.environ.get("PORTAL_BASE_URL")) and (site.hostname, site.port) != configured_host():
            _follow_configured_host(site)
            site.save(update_fields=["hostname", "port"])
        return site.root_page.specific
    home = home_type.objects.first()
    if home is None:
        if not Locale.objects.exists():
            Locale.objects.create(language_code="fr")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=home_type(title="Accueil", slug="accueil"))
    if site is None:
        hostname, port = configured_host()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Intranet")
    else:
        # The portal's site is being set up (on Wagtail's placeholder site): it takes the portal's address.
        site.root_page = home
        _follow_configured_host(site)
        site.save()
    return home


def _model(label: str):
    return apps.get_model(label)


@transaction.atomic
def ensure_section(label: str) -> Page:
    """The live section page of this type under the home page, created and published when missing."""
    model = _model(label)
    home = ensure_home()
    existing = model.objects.child_of(home).first() or model.objects.first()
    if existing is not None:
        return existing
    title, slug = SECTIONS[label]
    # A type may say what it holds from the start (the accessibility statement, written from the audit).
    initial = model.initial_content() if hasattr(model, "initial_content") else {}
    section = model(title=title, slug=slug, show_in_menus=label not in OUTSIDE_MENU, **initial)
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


def ensure_sections() -> dict[str, Page]:
    return {label: ensure_section(label) for label in SECTIONS}
