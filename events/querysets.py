"""Queries on agenda events: what is upcoming and what is past (base.schedule defines both)."""

from django.db.models import Count

from base.querysets import PortalPageManager, PortalPageQuerySet
from base.schedule import upcoming_q


class EventPageQuerySet(PortalPageQuerySet):
    def upcoming(self, now=None):
        """Events not ended yet, soonest first."""
        return self.filter(upcoming_q("start", "end", now)).order_by("start")

    def past(self, now=None):
        """Events that have ended, latest first."""
        return self.exclude(upcoming_q("start", "end", now)).order_by("-start")

    def upcoming_and_past_counts(self, now=None) -> tuple[int, int]:
        """(events to come, events held), counted in one query."""
        condition = upcoming_q("start", "end", now)
        counts = self.order_by().aggregate(upcoming=Count("pk", filter=condition), past=Count("pk", filter=~condition))
        return counts["upcoming"], counts["past"]


EventPageManager = PortalPageManager.from_queryset(EventPageQuerySet)
