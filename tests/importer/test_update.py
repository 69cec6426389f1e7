"""Re-importing a slug updates its page with a new revision instead of adding a page."""

from wagtail.models import Page

from news.models import NewsPage
from projects.models import WorkingGroupMember, WorkingGroupPage


def test_second_import_updates_the_page_with_a_new_revision(jsonl, import_content):
    first = jsonl(
        [{"type": "news", "slug": "lancement", "title": "Lancement", "summary": "Première version."}], "v1.jsonl"
    )
    second = jsonl(
        [{"type": "news", "slug": "lancement", "title": "Lancement", "summary": "Version corrigée."}], "v2.jsonl"
    )
    assert not import_content(first).failed
    page = NewsPage.objects.get()
    pages_before, revisions_before = Page.objects.count(), page.revisions.count()

    outcome = import_content(second)

    assert not outcome.failed
    assert "0 page créée, 1 mise à jour." in outcome.stdout
    assert Page.objects.count() == pages_before
    page = NewsPage.objects.get()
    assert page.summary == "Version corrigée."
    assert page.revisions.count() == revisions_before + 1
    assert page.live and not page.has_unpublished_changes
    assert page.live_revision == page.latest_revision


def test_slug_derived_from_the_title_finds_the_page_again(jsonl, import_content):
    assert not import_content(jsonl([{"type": "news", "title": "Réunion d'été", "body": "Avant."}])).failed

    assert not import_content(jsonl([{"type": "news", "title": "Réunion d'été", "body": "Après."}])).failed

    page = NewsPage.objects.get()
    assert page.slug == "reunion-dete"
    assert page.body[0].value.source == "<p>Après.</p>"


def test_identical_import_creates_no_revision(jsonl, import_content):
    path = jsonl([{"type": "news", "title": "Stable", "tags": ["a", "b"], "audiences": ["IPRP"], "body": "Texte."}])
    assert not import_content(path).failed
    revisions = NewsPage.objects.get().revisions.count()

    outcome = import_content(path)

    assert "0 page créée, 0 mise à jour, 1 inchangée." in outcome.stdout
    assert NewsPage.objects.get().revisions.count() == revisions


def test_absent_keys_leave_fields_alone(jsonl, import_content):
    assert not import_content(
        jsonl([{"type": "news", "slug": "n", "title": "N", "summary": "Gardé.", "tags": ["x"]}])
    ).failed

    assert not import_content(jsonl([{"type": "news", "slug": "n", "title": "Nouveau titre"}])).failed

    page = NewsPage.objects.get()
    assert page.title == "Nouveau titre"
    assert page.summary == "Gardé."
    assert list(page.tags.names()) == ["x"]


def test_new_pilots_replace_the_old_ones_who_stay_members(jsonl, import_content):
    group = {"type": "working_group", "slug": "tms", "title": "TMS"}
    assert not import_content(jsonl([{**group, "pilots": ["Karim Benali", "Hervé Dumont"]}])).failed

    assert not import_content(jsonl([{**group, "pilots": ["Hervé Dumont", "Sarah Vandamme"]}])).failed

    page = WorkingGroupPage.objects.get()
    roles = {member.person.full_name: member.role for member in WorkingGroupMember.objects.filter(page=page)}
    assert roles == {
        "Karim Benali": WorkingGroupMember.Role.MEMBER,
        "Hervé Dumont": WorkingGroupMember.Role.PILOT,
        "Sarah Vandamme": WorkingGroupMember.Role.PILOT,
    }
    assert WorkingGroupPage.objects.count() == 1
