"""Retention: search queries older than 13 months leave only daily counts, read notifications older than the
configured period go; running again changes nothing. The clock is frozen by replacing timezone.now."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from legal.models.personal_data import applied_retention
from legal.tasks import apply_retention_periods
from participation.models import Notification
from search.models import SearchDailyCount, SearchQueryRecord
from search.services.reporting import record_search

pytestmark = pytest.mark.django_db

START = datetime.datetime(2025, 1, 10, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock(monkeypatch):
    """A frozen clock: clock.set(moment) makes timezone.now() (auto_now fields included) return it."""

    class Clock:
        now = START

        def set(self, moment):
            self.now = moment

    frozen = Clock()
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    return frozen


def test_search_queries_older_than_13_months_leave_only_daily_counts(clock):
    record_search("ergonomie", 3)
    record_search("bruit", 0)
    clock.set(START + datetime.timedelta(days=200))
    record_search("ergonomie", 2)  # searched again: kept
    record_search("amiante", 1)
    assert SearchDailyCount.objects.get(day=START.date()).without_results == 1

    clock.set(datetime.datetime(2026, 2, 11, 10, 0, tzinfo=datetime.UTC))  # 13 months and a day after START
    output = io.StringIO()
    call_command("apply_retention", stdout=output)
    kept = SearchQueryRecord.objects.prefetch_related("spellings").order_by("query")
    assert [[spelling.text for spelling in record.spellings.all()] for record in kept] == [["amiante"], ["ergonomie"]]
    assert "Recherches supprimées : 1" in output.getvalue()
    counts = {row.day: row.searches for row in SearchDailyCount.objects.all()}
    assert counts == {START.date(): 2, (START + datetime.timedelta(days=200)).date(): 2}

    apply_retention_periods.call()  # idempotent: nothing more goes
    assert SearchQueryRecord.objects.count() == 2 and SearchDailyCount.objects.count() == 2


@override_settings(PORTAL_READ_NOTIFICATION_RETENTION_DAYS=30)
def test_read_notifications_go_after_the_configured_period_unread_ones_stay(clock, reader, page_of_each_type):
    news = page_of_each_type["news.NewsPage"]
    old_read = Notification.objects.create(recipient=reader, page=news, kind="publication", message="a", key="1")
    unread = Notification.objects.create(recipient=reader, page=news, kind="publication", message="b", key="2")
    recent = Notification.objects.create(recipient=reader, page=news, kind="publication", message="c", key="3")
    Notification.objects.filter(pk=old_read.pk).update(read_at=START)
    Notification.objects.filter(pk=recent.pk).update(read_at=START + datetime.timedelta(days=20))

    clock.set(START + datetime.timedelta(days=31))
    assert apply_retention_periods.call() == {"search_queries": 0, "read_notifications": 1}
    assert set(Notification.objects.values_list("pk", flat=True)) == {unread.pk, recent.pk}
    assert apply_retention_periods.call() == {"search_queries": 0, "read_notifications": 0}


@override_settings(PORTAL_SEARCH_LOG_RETENTION_MONTHS=13, PORTAL_READ_NOTIFICATION_RETENTION_DAYS=90)
def test_the_page_shows_the_periods_the_task_applies(reader_client, page_of_each_type):
    text = reader_client.get(page_of_each_type["legal.PersonalDataPage"].url).content.decode()
    assert "13 mois" in text and "90 jours" in text
    assert applied_retention("read_notifications") in text.replace("&#x27;", "'")
