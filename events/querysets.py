"""Queries on agenda events: what is upcoming and what is past (base.schedule defines both)."""

from base.querysets import PortalPageManager, PortalPageQuerySet
from base.schedule import upcoming_q


class EventPageQuerySet(PortalPageQuerySet):
    def upcoming(self, now=None):
        """Events not ended yet, soonest first."""
        return self.filter(upcoming_q("start", "end", now)).order_by("start")

    def past(self, now=None):
        """Events that have ended, latest first."""
        return self.exclude(upcoming_q("start", "end", now)).order_by("-start")


EventPageManager = PortalPageManager.from_queryset(EventPageQuerySet)
