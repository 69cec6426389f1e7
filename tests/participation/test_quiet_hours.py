"""Right to disconnect: notification e-mails leave only within the working hours (default Monday–Friday,
8:00–19:00 Paris time); anything due outside waits for the next opening. Frozen clock, real SMTP server."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone

from participation.models import EmailDelivery, NotificationPreference, WorkingHours
from participation.quiet_hours import next_opening
from participation.services.follows import follow
from participation.services.schedule import next_send_time
from participation.tasks import send_deliveries
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def _working_hours_apply():
    with override_settings(PORTAL_QUIET_HOURS=True):
        yield


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = paris(2026, 12, 11, 20, 0)  # a Friday, 20:00

    frozen = Clock()
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    return frozen


def test_a_friday_evening_notification_goes_out_on_monday_at_8(smtp, clock, publish, reader, project_officer, sections):
    follow(reader, sections["news.NewsIndexPage"])
    publish(NewsPageFactory(live=False, title="Vendredi soir"), project_officer)
    delivery = EmailDelivery.objects.get()
    assert delivery.scheduled_for == paris(2026, 12, 14, 8, 0)
    send_deliveries.call([delivery.pk])  # the worker runs it anyway, or send_pending_emails: nothing leaves
    assert smtp.messages == []

    clock.now = paris(2026, 12, 13, 23, 59)  # Sunday night: still waiting
    send_deliveries.call([delivery.pk])
    assert smtp.messages == []

    clock.now = paris(2026, 12, 14, 8, 0)
    send_deliveries.call([delivery.pk])
    assert len(smtp.messages) == 1 and "Vendredi soir" in smtp.messages[0]["Subject"]


def test_a_digest_due_at_7_goes_at_8(clock):
    clock.now = paris(2026, 12, 8, 18, 0)  # Tuesday
    assert next_send_time("daily") == paris(2026, 12, 9, 8, 0)
    assert next_send_time("weekly") == paris(2026, 12, 14, 8, 0)


def test_a_digest_is_held_until_the_opening(smtp, clock, publish, reader, project_officer, sections):
    clock.now = paris(2026, 12, 8, 18, 0)
    NotificationPreference.objects.create(user=reader, email_frequency="daily")
    follow(reader, sections["news.NewsIndexPage"])
    publish(NewsPageFactory(live=False, title="Résumé"), project_officer)
    delivery = EmailDelivery.objects.get()
    clock.now = paris(2026, 12, 9, 7, 0)
    send_deliveries.call([delivery.pk])
    assert smtp.messages == []
    clock.now = paris(2026, 12, 9, 8, 0)
    send_deliveries.call([delivery.pk])
    assert len(smtp.messages) == 1


def test_within_the_hours_an_immediate_email_leaves_at_once(smtp, clock, publish, reader, project_officer, sections):
    clock.now = paris(2026, 12, 9, 10, 30)
    follow(reader, sections["news.NewsIndexPage"])
    publish(NewsPageFactory(live=False, title="Mercredi matin"), project_officer)
    assert len(smtp.messages) == 1 and EmailDelivery.objects.get().scheduled_for is None


def test_administrators_set_the_hours_and_days(clock):
    hours = WorkingHours.load()
    hours.start, hours.end, hours.saturday = datetime.time(9, 0), datetime.time(12, 0), True
    hours.save()
    assert next_opening(paris(2026, 12, 11, 20, 0)) == paris(2026, 12, 12, 9, 0)  # Saturday 9:00
    assert next_opening(paris(2026, 12, 12, 11, 0)) == paris(2026, 12, 12, 11, 0)


def test_the_settings_screen_is_for_administrators(admin_client, reader_client):
    url = "/admin/settings/participation/workinghours/"
    response = admin_client.get(url, follow=True)
    assert response.status_code == 200 and "Jours d’envoi" in response.content.decode()
    assert reader_client.get(url).status_code in (302, 403)
    bad = admin_client.post(response.redirect_chain[-1][0], {"start": "19:00", "end": "08:00", "monday": "on"})
    assert "doit venir après" in bad.content.decode()
