"""The demo shows responsables on pages, a few overdue pages and one open report."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from governance.models import FeedbackReport, PageStewardship
from governance.services.reviews import review_state
from tests.utils import page_text

pytestmark = pytest.mark.django_db


def test_the_demo_has_owners_overdue_pages_and_an_open_report(client):
    call_command("load_demo", stdout=io.StringIO())
    overdue = [row.page for row in PageStewardship.objects.select_related("page") if review_state(row.page).overdue]
    assert len(overdue) >= 2
    assert FeedbackReport.objects.open().count() == 1

    client.force_login(get_user_model().objects.get(email="lecteur@example.org"))
    text = page_text(client.get(overdue[0].specific.url))
    assert "Responsable : Claire Vasseur" in text and "n’a pas été vérifiée depuis le" in text

    client.force_login(get_user_model().objects.get(email="pilote@example.org"))
    mine = page_text(client.get(reverse("governance:my_reviews")))
    assert "Délai de vérification atteint" in mine and "grille d’observation" in mine
