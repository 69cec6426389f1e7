"""`make run` loads the demo at every start: a load creates only what is missing, keeps every change made since
(pages edited or approved through the workflow, directory, documents, passwords) and notifies nobody."""

import io
from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from documents.models import PortalDocument
from news.models import NewsIndexPage, NewsPage
from participation.models import EmailDelivery, Notification
from participation.services.follows import follow
from people.models import Person
from projects.models import NeedsSheetPage, NeedsStatusChange, NeedSupport, ServiceProjectPage, WorkingGroupPage

pytestmark = pytest.mark.django_db

GROUP = "prevention-desinsertion-professionnelle"  # piloted by the demo pilot
DELETED_NEWS = "retour-demi-journee-echanges"
DELETED_SHEET = "outil-preparation-visites-entreprise"


@pytest.fixture
def load_demo(django_capture_on_commit_callbacks):
    """Run the command as `make run` does; what waits for the commit (e-mail tasks) runs too."""

    def _load() -> str:
        output = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", stdout=output)
        return output.getvalue()

    return _load


def account(email):
    return get_user_model().objects.get(email=email)


def pages_per_type() -> Counter:
    return Counter(Page.objects.values_list("content_type__app_label", "content_type__model"))


def approve_indicator_value(value: str) -> None:
    """The pilot adds a dated value to the group's first indicator and submits it; a project officer approves."""
    pilot, officer = account("pilote@example.org"), account("charge@example.org")
    draft = WorkingGroupPage.objects.get(slug=GROUP).get_latest_revision_as_object()
    indicators = draft.indicators.get_prep_value()
    indicators[0]["value"]["values"].append({"date": timezone.localdate().isoformat(), "value": value, "comment": ""})
    draft.indicators = indicators
    draft.save_revision(user=pilot)
    workflow_state = draft.get_workflow().start(draft, pilot)
    workflow_state.current_task_state.approve(user=officer)


def indicator_values() -> list[Decimal]:
    group = WorkingGroupPage.objects.get(slug=GROUP)
    return [measure["value"] for measure in group.indicators[0].value["values"]]


def publish_as(page, user) -> None:
    page.save_revision(user=user).publish(user=user)


def test_the_first_load_notifies_nobody(load_demo, sections):
    watcher = get_user_model().objects.create_user(username="veille", email="veille@example.org", password="x")
    follow(watcher, sections["news.NewsIndexPage"])
    follow(watcher, sections["projects.WorkingGroupIndexPage"])

    load_demo()

    assert not Notification.objects.exists()
    assert not EmailDelivery.objects.exists() and mail.outbox == []


def test_a_second_load_keeps_every_change_brings_back_deleted_pages_and_notifies_nobody(load_demo, client):
    load_demo()
    pages_after_first_load = pages_per_type()
    reader, officer = account("lecteur@example.org"), account("charge@example.org")
    follow(reader, NewsIndexPage.objects.get())
    follow(reader, WorkingGroupPage.objects.get(slug=GROUP))

    # Changes made in the portal since: a value approved through the workflow, titles and texts published by a
    # project officer, the directory and the library edited, a news item published (which tells the reader).
    approve_indicator_value("88")
    news = NewsPage.objects.get(slug="protocole-orientation-rps")
    news.title = "RPS : le protocole commun d’orientation est adopté"
    publish_as(news, officer)
    project = ServiceProjectPage.objects.get()
    project.summary = "Résumé réécrit par l’équipe projet."
    publish_as(project, officer)
    person = Person.objects.get(user=reader)
    person.job_title = "Infirmière coordinatrice"
    person.save()
    document = PortalDocument.objects.order_by("pk").first()
    document.description = "Description revue par la documentaliste."
    document.save()
    index = NewsIndexPage.objects.get()
    fresh_news = index.add_child(instance=NewsPage(title="Nouvelle salle à Lens", date=timezone.localdate()))
    publish_as(fresh_news, officer)
    assert Notification.objects.filter(recipient=reader, page=fresh_news, key__startswith="revision:").exists()
    client.force_login(reader)
    client.post(reverse("participation:mark_all_read"))
    # Demo pages deleted by someone.
    NewsPage.objects.get(slug=DELETED_NEWS).delete()
    NeedsSheetPage.objects.get(slug=DELETED_SHEET).delete()

    notifications = set(Notification.objects.values_list("pk", "read_at"))
    deliveries, emails = EmailDelivery.objects.count(), len(mail.outbox)
    output = load_demo()

    # Nobody was told anything: no notification (the reader's are all read still), no e-mail.
    assert set(Notification.objects.values_list("pk", "read_at")) == notifications
    assert not Notification.objects.filter(recipient=reader, read_at__isnull=True).exists()
    assert (EmailDelivery.objects.count(), len(mail.outbox)) == (deliveries, emails)
    # Every change is still there.
    assert indicator_values()[-1] == Decimal("88")
    assert NewsPage.objects.get(pk=news.pk).title == "RPS : le protocole commun d’orientation est adopté"
    assert ServiceProjectPage.objects.get().summary == "Résumé réécrit par l’équipe projet."
    assert Person.objects.get(pk=person.pk).job_title == "Infirmière coordinatrice"
    assert PortalDocument.objects.get(pk=document.pk).description == "Description revue par la documentaliste."
    # The deleted pages are back, once, with what the demo gives them; nothing else was added.
    assert NewsPage.objects.get(slug=DELETED_NEWS).live
    sheet = NeedsSheetPage.objects.get(slug=DELETED_SHEET)
    assert NeedsStatusChange.objects.filter(sheet=sheet).exists() and NeedSupport.objects.filter(sheet=sheet).exists()
    assert pages_per_type() == pages_after_first_load + Counter({("news", "newspage"): 1})
    assert "2 pages créées, 54 déjà présentes, laissées telles quelles." in output
    assert "0 page créée ou remplie, 13 déjà présentes, laissées telles quelles." in output


def test_a_page_published_by_the_demo_and_left_untouched_is_not_written_again(load_demo):
    load_demo()
    revisions = {page.pk: page.latest_revision_id for page in Page.objects.all()}

    load_demo()

    assert {page.pk: page.latest_revision_id for page in Page.objects.all()} == revisions


def test_a_section_emptied_in_the_admin_stays_empty(load_demo):
    load_demo()
    news_index = NewsIndexPage.objects.get()
    news_index.introduction = ""
    publish_as(news_index, account("charge@example.org"))

    load_demo()

    assert NewsIndexPage.objects.get().introduction == ""


def test_a_changed_demo_password_is_kept_and_not_printed(load_demo, client):
    load_demo()
    pilot = account("pilote@example.org")
    pilot.set_password("un-secret-choisi-par-le-pilote")
    pilot.save()
    pilot.groups.clear()

    output = load_demo()

    assert client.login(email="pilote@example.org", password="un-secret-choisi-par-le-pilote")
    assert not account("pilote@example.org").groups.exists()
    line = next(line for line in output.splitlines() if "pilote@example.org" in line)
    assert "(modifié, conservé)" in line and "pilote-demo" not in output
    assert "lecteur-demo" in output  # unchanged passwords are printed as before


def test_a_deleted_demo_account_comes_back_with_its_password_and_no_notification(load_demo, client):
    load_demo()
    account("lecteur@example.org").delete()

    load_demo()

    assert client.login(email="lecteur@example.org", password="lecteur-demo")
    reader = account("lecteur@example.org")
    assert Person.objects.get(last_name="Lefort").user == reader
    assert not Notification.objects.filter(recipient=reader).exists()
