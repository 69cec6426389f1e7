"""Needs sheets' status path: decided by project officers, kept in the sheet's history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from projects.models import MicroProjectPage, NeedsSheetPage, NeedsStatusChange, NeedStatus
from projects.services.needs_status import change_status
from tests import factories
from tests.utils import hostile_queries, is_redirect_to_sign_in, page_text


@pytest.fixture
def sheet(sections):
    return factories.NeedsSheetPageFactory(title="Grille commune de visite")


def _status_url(sheet):
    return sheet.url + "statut/"


@pytest.mark.django_db
def test_submission_starts_the_history_signed_by_the_submitter(reader_client, reader, sections):
    index = sections["projects.NeedsIndexPage"]
    reader_client.post(index.url + "soumettre/", {"title": "Navette entre sites", "need": "Une navette."})
    change = NeedsStatusChange.objects.get()
    assert (change.status, change.decided_by) == (NeedStatus.SUBMITTED, reader)
    assert "Soumise" in page_text(reader_client.get(change.sheet.url))


@pytest.mark.django_db
def test_officer_moves_a_sheet_under_review_then_not_retained_with_a_reason(officer_client, reader_client, sheet):
    response = officer_client.post(_status_url(sheet), {"status": NeedStatus.UNDER_REVIEW})
    assert response.status_code == 302
    response = officer_client.post(_status_url(sheet), {"status": NeedStatus.NOT_RETAINED, "reason": "Déjà couvert."})
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == NeedStatus.NOT_RETAINED
    assert list(sheet.status_changes.values_list("status", flat=True)) == ["under_review", "not_retained"]
    # The live page and its last revision follow, so search and Wagtail's history agree.
    assert sheet.get_latest_revision().as_object().status == NeedStatus.NOT_RETAINED
    text = page_text(reader_client.get(sheet.url))
    assert "Non retenue" in text and "Déjà couvert." in text and "Laura Chargée" in text


@pytest.mark.django_db
def test_not_retained_without_reason_is_refused_in_french_and_changes_nothing(officer_client, sheet):
    response = officer_client.post(_status_url(sheet), {"status": NeedStatus.NOT_RETAINED, "reason": "   "})
    assert response.status_code == 400
    assert "Indiquez le motif" in page_text(response)
    sheet.refresh_from_db()
    assert sheet.status == NeedStatus.SUBMITTED and not sheet.status_changes.exists()


@pytest.mark.django_db
def test_refused_moves(project_officer, sheet):
    change_status(sheet, NeedStatus.NOT_RETAINED, by=project_officer, reason="Hors périmètre.")
    with pytest.raises(ValidationError, match="ne peut pas passer"):
        change_status(sheet, NeedStatus.RETAINED, by=project_officer, group=factories.WorkingGroupPageFactory())
    change_status(sheet, NeedStatus.UNDER_REVIEW, by=project_officer)  # reopening is allowed
    with pytest.raises(ValidationError, match="ne peut pas passer"):
        change_status(sheet, NeedStatus.SUBMITTED, by=project_officer)
    assert sheet.status_changes.count() == 2


@pytest.mark.django_db
def test_retained_creates_a_published_micro_project_linked_both_ways(officer_client, reader_client, sheet):
    group = factories.WorkingGroupPageFactory(title="Risque chimique")
    response = officer_client.post(_status_url(sheet), {"status": NeedStatus.RETAINED, "group": group.pk})
    assert response.status_code == 302
    project = MicroProjectPage.objects.get()
    assert project.live and project.title == sheet.title and project.get_parent().pk == group.pk
    assert project.needs_sheet_id == sheet.pk
    assert NeedsStatusChange.objects.filter(sheet=sheet).count() == 1
    assert project.title in page_text(reader_client.get(sheet.url))
    assert sheet.title in page_text(reader_client.get(project.url))


@pytest.mark.django_db
def test_retained_can_link_an_existing_micro_project(project_officer, sheet):
    project = factories.MicroProjectPageFactory(title="Déjà lancé")
    change_status(sheet, NeedStatus.RETAINED, by=project_officer, micro_project=project)
    project.refresh_from_db()
    assert project.needs_sheet_id == sheet.pk and MicroProjectPage.objects.count() == 1


@pytest.mark.django_db
def test_retained_needs_a_group(officer_client, sheet):
    response = officer_client.post(_status_url(sheet), {"status": NeedStatus.RETAINED})
    assert response.status_code == 400
    assert "Choisissez le groupe de travail" in page_text(response)
    assert not MicroProjectPage.objects.exists()


@pytest.mark.django_db
def test_readers_never_see_the_form_and_get_403(reader_client, reader, sheet):
    assert "Changer le statut" not in page_text(reader_client.get(sheet.url))
    assert reader_client.post(_status_url(sheet), {"status": NeedStatus.UNDER_REVIEW}).status_code == 403
    with pytest.raises(PermissionDenied):
        change_status(sheet, NeedStatus.UNDER_REVIEW, by=reader)
    assert not NeedsStatusChange.objects.exists()


@pytest.mark.django_db
def test_officers_see_the_form(officer_client, sheet):
    assert "Enregistrer la décision" in page_text(officer_client.get(sheet.url))


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "\x00", "99999999999999999999", "inconnu", "x" * 5000])
def test_hostile_values_in_the_form_are_refused_without_500(officer_client, sheet, value):
    response = officer_client.post(_status_url(sheet), {"status": value, "group": value, "reason": value})
    assert response.status_code == 400
    assert not NeedsStatusChange.objects.exists()


@pytest.mark.django_db
def test_hostile_query_strings_on_the_route(officer_client, sheet):
    for query in hostile_queries("status"):
        response = officer_client.get(_status_url(sheet) + query)
        assert response.status_code == 302 and response["Location"] == f"{sheet.url}#suivi-titre"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, sheet):
    response = client.post(_status_url(sheet), {"status": NeedStatus.UNDER_REVIEW})
    assert is_redirect_to_sign_in(response)
    assert not NeedsStatusChange.objects.exists()


@pytest.mark.django_db
def test_the_status_is_read_only_in_the_editor(administrator, client, sheet):
    client.force_login(administrator)
    edit = client.get(f"/admin/pages/{sheet.pk}/edit/")
    assert edit.status_code == 200
    assert 'name="status"' not in edit.content.decode()
    assert f"/admin/fiches-besoins/{sheet.pk}/statut/" in edit.content.decode()


@pytest.mark.django_db
def test_the_admin_view_uses_the_same_path(administrator, client, sheet):
    client.force_login(administrator)
    url = f"/admin/fiches-besoins/{sheet.pk}/statut/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"status": NeedStatus.NOT_RETAINED}).status_code == 400
    response = client.post(url, {"status": NeedStatus.UNDER_REVIEW})
    assert response.status_code == 302
    assert NeedsSheetPage.objects.get(pk=sheet.pk).status == NeedStatus.UNDER_REVIEW
    assert NeedsStatusChange.objects.filter(sheet=sheet).count() == 1


@pytest.mark.django_db
def test_the_admin_view_is_refused_to_readers(reader_client, sheet):
    response = reader_client.get(f"/admin/fiches-besoins/{sheet.pk}/statut/")
    assert response.status_code in (302, 403)
    assert not NeedsStatusChange.objects.exists()
