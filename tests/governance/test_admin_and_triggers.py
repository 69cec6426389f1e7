"""The administration's governance listing and owner change; reviews triggered by changes; reminders."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from governance.models import PageStewardship
from governance.services.owners import owner_of
from governance.services.reminders import remind_reviews
from governance.services.reviews import review_state, set_owner
from participation.models import Notification
from participation.signals import announced_pages
from projects.choices import GroupStatus
from tests.factories import MicroProjectPageFactory, StandardPageFactory, WorkingGroupPageFactory, make_document
from tests.utils import page_text, restrict_page_to_groups

pytestmark = pytest.mark.django_db


def test_the_listing_shows_pages_with_their_responsable_to_officers_only(owned_page, officer_client, reader_client):
    response = officer_client.get(reverse("governance_admin:index"))
    assert response.status_code == 200
    assert "Étude de cas Bruit en atelier" in page_text(response) and "Lina Lecteur" in page_text(response)
    assert reader_client.get(reverse("governance_admin:index")).status_code in (302, 403)


@pytest.mark.parametrize(
    "query", ["?owner=%C2%B2", "?owner=%00", "?owner=99999999999999999999", "?state=x", "?q=" + "x" * 5000]
)
def test_the_listing_survives_hostile_filters(owned_page, officer_client, query):
    response = officer_client.get(reverse("governance_admin:index") + query)
    assert response.status_code == 200


def test_an_officer_changes_the_owner_without_a_revision(owned_page, officer_client, project_officer, person_of):
    officer = person_of(project_officer)
    revisions = owned_page.revisions.count()
    url = reverse("governance_admin:edit", args=[owned_page.pk])
    assert officer_client.post(url, {"owner": str(officer.pk)}).status_code == 302
    assert owner_of(owned_page).person == officer
    assert owned_page.revisions.count() == revisions
    assert officer_client.post(url, {"owner": "\x00"}).status_code == 400


def test_the_listing_lists_no_page_its_editor_may_not_open(owned_page, committee, officer_client):
    restrict_page_to_groups(owned_page, committee)
    assert "Étude de cas Bruit" not in page_text(officer_client.get(reverse("governance_admin:index")))


def test_a_replaced_document_asks_for_a_review_of_pages_linking_to_it(sections, publish, project_officer):
    document = make_document("guide.txt", b"Guide")
    page = StandardPageFactory(body=[("paragraph", f'<p><a linktype="document" id="{document.pk}">Guide</a></p>')])
    publish(page, project_officer)
    document.file = ContentFile(b"v2", name="guide-v2.txt")
    document.save()
    assert review_state(page).reason == "document"


def test_a_closed_group_asks_for_a_review_of_its_pages(sections, publish, project_officer):
    group = WorkingGroupPageFactory()
    micro = MicroProjectPageFactory(parent=group)
    group.status = GroupStatus.CLOSED
    publish(group, project_officer)
    assert review_state(micro).reason == "group_closed"
    assert review_state(group).reason == "group_closed"


def test_an_important_change_asks_for_a_review_of_pages_linking_to_it(sections, publish, project_officer):
    target = StandardPageFactory(title="Procédure")
    linking = StandardPageFactory(body=[("paragraph", f'<p><a linktype="page" id="{target.pk}">Procédure</a></p>')])
    publish(linking, project_officer)
    publish(target, project_officer)
    assert review_state(linking).reason == ""
    token = announced_pages.set(frozenset({target.pk}))
    try:
        publish(target, project_officer)
    finally:
        announced_pages.reset(token)
    assert review_state(linking).reason == "linked_page"


def test_an_owner_leaving_asks_for_a_review(owned_page, reader):
    reader.is_active = False
    reader.save()
    assert review_state(owned_page).reason == "owner_left"


def test_the_project_officers_are_told_who_answers_for_a_departed_owners_pages(
    owned_page, reader, project_officer, committee, django_capture_on_commit_callbacks
):
    hidden = StandardPageFactory(title="Page du comité")
    restrict_page_to_groups(hidden, committee)
    set_owner(hidden, owner_of(owned_page).person)
    with django_capture_on_commit_callbacks(execute=True):
        reader.is_active = False
        reader.save()
    told = Notification.objects.filter(recipient=project_officer, kind="review")
    assert [notification.page_id for notification in told] == [owned_page.pk]
    message = told.get().message
    assert "a quitté le service" in message and "Bruit en atelier" in message
    successor = owner_of(owned_page)
    expected = successor.person.full_name if successor.person else "les chargés de projet"
    assert message.endswith(f"la page revient à {expected}.")
    # Only once, whatever saves the account again.
    with django_capture_on_commit_callbacks(execute=True):
        reader.save()
    assert told.count() == 1


def test_reminders_go_once_then_escalate_to_the_officers(owned_page, reader, project_officer, capsys):
    PageStewardship.objects.filter(page=owned_page).update(
        last_reviewed_at=timezone.now() - datetime.timedelta(days=800)
    )
    now = timezone.now()
    assert remind_reviews(now).reminded == 1
    assert remind_reviews(now).reminded == 0
    assert Notification.objects.filter(recipient=reader, kind="review").count() == 1
    later = now + datetime.timedelta(days=15)
    assert remind_reviews(later).escalated == 1
    assert remind_reviews(later).escalated == 0
    assert Notification.objects.filter(recipient=project_officer, kind="review").count() == 1
    call_command("remind_reviews")
    assert "page(s) à vérifier" in capsys.readouterr().out


def test_reminders_skip_owners_who_may_not_open_the_page(owned_page, reader, committee):
    PageStewardship.objects.filter(page=owned_page).update(
        last_reviewed_at=timezone.now() - datetime.timedelta(days=800)
    )
    restrict_page_to_groups(owned_page, committee)
    remind_reviews()
    assert not Notification.objects.filter(recipient=reader).exists()


def test_administrators_set_the_review_periods_and_pages_follow(
    owned_page, admin_client, reader_client, officer_client
):
    from governance.models import ReviewPeriods

    PageStewardship.objects.filter(page=owned_page).update(
        last_reviewed_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert "n’a pas été vérifiée" not in page_text(reader_client.get(owned_page.url))
    url = reverse("wagtailsettings:edit", args=["governance", "reviewperiods", ReviewPeriods.load().pk])
    assert officer_client.get(url).status_code in (302, 403)
    data = {
        "working_group_months": "12",
        "approach_months": "12",
        "case_study_months": "6",
        "document_months": "24",
        "news_months": "",
        "other_months": "",
    }
    assert admin_client.post(url, data).status_code == 302
    assert ReviewPeriods.load().case_study_months == 6
    assert "n’a pas été vérifiée" in page_text(reader_client.get(owned_page.url))
    refused = admin_client.post(url, {**data, "case_study_months": "99999999999999999999"})
    assert refused.status_code == 200 and ReviewPeriods.load().case_study_months == 6


def test_the_page_editor_links_to_the_responsable_of_the_page(owned_page, officer_client):
    edit = officer_client.get(reverse("wagtailadmin_pages:edit", args=[owned_page.pk]))
    assert reverse("governance_admin:edit", args=[owned_page.pk]) in edit.content.decode()
