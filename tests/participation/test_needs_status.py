"""A decision on a needs sheet reaches its submitter once; their own submission does not."""

import pytest

from participation.models import Notification, NotificationPreference
from projects.models import NeedsStatusChange
from tests.factories import NeedsSheetPageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_the_submitter_is_told_of_each_decision_once(
    smtp, reader, project_officer, sections, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=reader, email_frequency="daily")  # status changes go at once
    sheet = NeedsSheetPageFactory(title="Outil de visite", submitted_by=PersonFactory(user=reader))
    with django_capture_on_commit_callbacks(execute=True):
        NeedsStatusChange.objects.create(sheet=sheet, status="submitted", decided_by=reader)
        change = NeedsStatusChange.objects.create(
            sheet=sheet, status="not_retained", reason="Déjà couvert par le groupe Bruit.", decided_by=project_officer
        )
        change.save()
    notification = Notification.objects.get()
    assert notification.recipient == reader and notification.kind == "status"
    assert notification.message.startswith("Votre fiche « Outil de visite » est passée au statut « Non retenue »")
    assert "Déjà couvert par le groupe Bruit." in notification.message
    assert len(smtp.messages) == 1


def test_no_email_with_aucun_email(smtp, reader, project_officer, sections, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=reader, email_frequency="none")
    sheet = NeedsSheetPageFactory(submitted_by=PersonFactory(user=reader))
    with django_capture_on_commit_callbacks(execute=True):
        NeedsStatusChange.objects.create(sheet=sheet, status="under_review", decided_by=project_officer)
    assert Notification.objects.count() == 1
    assert smtp.messages == []
