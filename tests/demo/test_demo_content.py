"""The demo content tells the seeds' story, every page of it is served, and its personas have their rights."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from events.models import EventPage
from home.models import HomePage
from home.services.dashboard import build_dashboard
from knowledge.models import ApproachPage, CaseStudyPage
from people.models import Person
from projects.models import (
    GroupStatus,
    MicroProjectPage,
    NeedsSheetPage,
    NeedStatus,
    ServiceProjectPage,
    WorkingGroupPage,
)

from . import DEMO_ACCOUNTS


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module's tests, which only read it; rolled back after the last one.

    Each test still runs in its own savepoint inside this transaction (pytest-django's `db`)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.django_db
def test_demo_content_follows_the_seeds(demo):
    groups = WorkingGroupPage.objects.live()
    assert groups.count() == 10
    assert set(groups.values_list("status", flat=True)) == set(GroupStatus.values)
    assert all(group.pilots and group.referent for group in groups)
    sheets = NeedsSheetPage.objects.live()
    assert sheets.count() == 7
    assert set(sheets.values_list("status", flat=True)) == set(NeedStatus.values)
    for sheet in sheets.filter(status=NeedStatus.RETAINED):
        assert isinstance(sheet.micro_projects.get().get_parent().specific, WorkingGroupPage)
    now = timezone.now()
    events = EventPage.objects.live()
    assert {"information", "pilots", "exchange", "training"} <= set(events.values_list("kind", flat=True))
    assert events.filter(start__lt=now, kind="exchange").exists()
    assert events.filter(start__gte=now).count() >= 5
    authors = Person.objects.filter(last_name__in=["Deleligne", "Duflo", "Roy", "Skoury-Renard"])
    assert set(authors.values_list("site", flat=True)) == {"AST 62-59 – Arras"}
    assert Person.objects.exclude(sector_delegate_for="").count() >= 3
    assert Person.objects.filter(trained_in_project_management_on__isnull=False).count() >= 10
    ehesp = CaseStudyPage.objects.get(slug="ehesp-conduite-de-projet")
    assert "École des hautes études en santé publique" in ehesp.client
    assert [link.approach.slug for link in ehesp.approach_links.all()] == ["conduire-un-projet-partenarial"]
    assert all(approach.tools.exists() and len(approach.steps) >= 4 for approach in ApproachPage.objects.all())
    project = ServiceProjectPage.objects.get()
    assert [body.value["name"] for body in project.governance] == ["Équipe projet", "Comité stratégique"]
    assert len(project.objectives) == 5 and len(project.phases) == 5 and project.resource_people.count() >= 5
    home = HomePage.objects.get()
    assert home.welcome and len(home.quick_links) == 8


@pytest.mark.django_db
def test_every_demo_page_is_served_to_a_reader(demo, client):
    client.login(email="lecteur@example.org", password="lecteur-demo")

    assert Page.find_problems() == ([], [], [], [], [])
    failures = []
    for page in Page.objects.live().filter(depth__gt=1):
        status = client.get(page.url).status_code
        if status != 200:
            failures.append((page.url, status))
    assert failures == []


@pytest.mark.django_db
def test_the_reader_home_has_news_and_upcoming_events_for_their_metier(demo):
    reader = get_user_model().objects.get(email="lecteur@example.org")

    dashboard = build_dashboard(reader)

    assert dashboard.metier.name == "Infirmier·ère en santé au travail"
    assert dashboard.news and dashboard.events
    assert {group.slug for group in dashboard.groups} >= {"prevention-desinsertion-professionnelle"}
    assert dashboard.meetings


@pytest.mark.django_db
def test_pilot_edits_their_own_group_and_no_other(demo):
    users = {email: get_user_model().objects.get(email=email) for email in DEMO_ACCOUNTS}
    pilot, reader, officer = users["pilote@example.org"], users["lecteur@example.org"], users["charge@example.org"]
    own = WorkingGroupPage.objects.get(slug="prevention-desinsertion-professionnelle")
    other = WorkingGroupPage.objects.get(slug="risques-psychosociaux")

    assert pilot.person in own.pilots
    assert pilot.person in other.participants
    assert own.permissions_for_user(pilot).can_edit()
    assert MicroProjectPage.objects.child_of(own).get().permissions_for_user(pilot).can_edit()
    assert not other.permissions_for_user(pilot).can_edit()
    assert not own.permissions_for_user(reader).can_edit()
    assert own.permissions_for_user(officer).can_edit() and other.permissions_for_user(officer).can_edit()
    assert pilot.groups.filter(name="Pilotes").exists()
    assert officer.groups.filter(name="Chargés de projet").exists()
    assert users["admin@example.org"].groups.filter(name="Administrateurs").exists()
