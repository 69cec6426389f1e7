"""The command on a freshly migrated site, its progress output and its dry run."""

from wagtail.models import Page

from events.models import EventIndexPage
from home.models import HomePage
from knowledge.models import ApproachIndexPage, CaseStudyIndexPage
from news.models import NewsIndexPage, NewsPage
from projects.models import NeedsIndexPage, WorkingGroupIndexPage

ONE_OF_EACH = [
    {"type": "news", "title": "Une actualité"},
    {"type": "event", "title": "Un événement", "date": "2026-12-03"},
    {"type": "working_group", "title": "Un groupe"},
    {"type": "needs_sheet", "title": "Un besoin", "need": "Un outil."},
    {"type": "approach", "title": "Une démarche", "summary": "Pour quoi faire."},
    {
        "type": "case_study",
        "title": "Une étude de cas",
        "client": "Un client",
        "situation": "S.",
        "mandate": "M.",
        "intervention": "I.",
        "results": "R.",
    },
]
SECTIONS = [NewsIndexPage, EventIndexPage, WorkingGroupIndexPage, NeedsIndexPage, ApproachIndexPage, CaseStudyIndexPage]


def test_works_on_a_freshly_migrated_site_without_sections(jsonl, import_content):
    assert not any(model.objects.exists() for model in SECTIONS)

    outcome = import_content(jsonl(ONE_OF_EACH))

    assert not outcome.failed, outcome.stderr
    assert "6 pages créées, 0 mise à jour." in outcome.stdout
    home = HomePage.objects.get()
    for model in SECTIONS:
        section = model.objects.get()
        assert section.live and section.get_parent().pk == home.pk
        assert section.get_children().live().count() == 1
    assert Page.find_problems() == ([], [], [], [], [])


def test_progress_is_shown_on_request(jsonl, import_content):
    path = jsonl([{"type": "news", "title": f"Actualité {n}"} for n in range(12)])

    outcome = import_content(path, "--progress")

    assert "Vérification" in outcome.stderr
    assert "Import" in outcome.stderr and "12/12" in outcome.stderr
    assert "12 pages créées, 0 mise à jour." in outcome.stdout


def test_no_progress_bar_outside_a_terminal_by_default(jsonl, import_content):
    outcome = import_content(jsonl([{"type": "news", "title": "Seule"}]))

    assert outcome.stderr == ""


def test_dry_run_checks_and_writes_nothing(jsonl, import_content):
    assert not import_content(jsonl([{"type": "news", "slug": "deja-la", "title": "Déjà là"}], "first.jsonl")).failed
    pages = Page.objects.count()
    path = jsonl([{"type": "news", "slug": "deja-la", "title": "Modifiée"}, {"type": "news", "title": "Nouvelle"}])

    outcome = import_content(path, "--dry-run")

    assert not outcome.failed
    assert "2 enregistrements, 1 page à créer, 1 page existante" in outcome.stdout
    assert Page.objects.count() == pages
    assert NewsPage.objects.get().title == "Déjà là"


def test_dry_run_reports_errors_too(jsonl, import_content):
    outcome = import_content(jsonl([{"type": "news"}]), "--dry-run")

    assert outcome.failed and "ligne 1 : titre manquant" in outcome.stderr
