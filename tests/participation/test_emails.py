"""E-mail delivery: digests, retries after an SMTP failure, never twice, and the fallback command."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from participation.models import EmailDelivery, Notification, NotificationPreference
from participation.services.follows import follow
from participation.services.schedule import next_send_time
from participation.tasks import send_deliveries
from tests.factories import NewsPageFactory
from tests.participation.conftest import Inbox, free_port, smtp_settings, start_server
from tests.utils import restrict_page_to_groups

pytestmark = pytest.mark.django_db


def test_digest_times_are_7am_paris():
    monday = datetime.datetime(2026, 12, 7, 6, 59, tzinfo=datetime.UTC)  # 7:59 in Paris
    assert next_send_time("daily", monday).isoformat() == "2026-12-08T07:00:00+01:00"
    assert next_send_time("weekly", monday).isoformat() == "2026-12-14T07:00:00+01:00"
    early = datetime.datetime(2026, 12, 7, 5, 0, tzinfo=datetime.UTC)
    assert next_send_time("weekly", early).isoformat() == "2026-12-07T07:00:00+01:00"


def test_a_digest_gathers_the_periods_notifications_in_one_email(
    smtp, publish, reader, committee, project_officer, sections
):
    NotificationPreference.objects.create(user=reader, email_frequency="daily")
    follow(reader, sections["news.NewsIndexPage"])
    publish(NewsPageFactory(live=False, title="Première"), project_officer)
    publish(NewsPageFactory(live=False, title="Deuxième"), project_officer)
    hidden = publish(NewsPageFactory(live=False, title="Troisième"), project_officer)
    assert smtp.messages == []
    delivery = EmailDelivery.objects.get()
    assert delivery.kind == "digest" and delivery.notifications.count() == 3
    assert delivery.scheduled_for == next_send_time("daily")
    restrict_page_to_groups(hidden, committee)  # visibility is read again when the digest goes

    send_deliveries.call([delivery.pk])  # before its time: nothing
    assert smtp.messages == []
    EmailDelivery.objects.filter(pk=delivery.pk).update(scheduled_for=timezone.now())
    send_deliveries.call([delivery.pk])
    send_deliveries.call([delivery.pk])
    assert len(smtp.messages) == 1
    text = smtp.messages[0].get_body(("plain",)).get_content()
    assert "Première" in text and "Deuxième" in text and "Troisième" not in text
    assert "Voici les nouveautés" in text
    assert EmailDelivery.objects.get().status == "sent"


def test_an_smtp_failure_keeps_the_delivery_until_the_server_is_back(publish, reader, project_officer, sections):
    follow(reader, sections["news.NewsIndexPage"])
    port = free_port()  # nothing listens there yet
    with smtp_settings(port):
        publish(NewsPageFactory(live=False, title="Panne"), project_officer)
        delivery = EmailDelivery.objects.get()
        assert delivery.status == "pending" and delivery.attempts == 1 and delivery.last_error
        assert Notification.objects.count() == 1

        inbox = Inbox()
        controller = start_server(port, inbox)
        try:
            output = io.StringIO()
            call_command("send_pending_emails", stdout=output)
            call_command("send_pending_emails", stdout=output)
            send_deliveries.call([delivery.pk])
        finally:
            controller.stop()
    assert len(inbox.messages) == 1
    assert "1/1 remis en file d’attente." in output.getvalue()
    delivery.refresh_from_db()
    assert delivery.status == "sent" and delivery.attempts == 2


def test_five_failures_mark_the_delivery_failed(publish, reader, project_officer, sections):
    follow(reader, sections["news.NewsIndexPage"])
    with smtp_settings(free_port()):
        publish(NewsPageFactory(live=False), project_officer)
        delivery = EmailDelivery.objects.get()
        for _attempt in range(6):
            send_deliveries.call([delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == "failed" and delivery.attempts == 5
