"""Queries on working groups, their meetings and the needs sheets."""

from django.db import models
from django.db.models import BooleanField, Count, ExpressionWrapper, Q

from base.querysets import PortalPageManager, PortalPageQuerySet
from base.schedule import upcoming_q


class StatusCountsMixin:
    def status_counts(self) -> dict[str, int]:
        """Number of pages per status value (the one definition of the status counts)."""
        # order_by() drops the tree ordering, which would split the GROUP BY per page.
        return dict(self.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n"))


class WorkingGroupPageQuerySet(StatusCountsMixin, PortalPageQuerySet):
    def by_status(self, status):
        return self.filter(status=status) if status else self

    def of_user(self, user):
        """Groups in which the account is pilot, member or referent."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(members__person__user=user) | Q(referent__user=user)).distinct()


class NeedsSheetPageQuerySet(StatusCountsMixin, PortalPageQuerySet):
    def by_status(self, status):
        return self.filter(status=status) if status else self


class WorkingGroupMeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Meetings not over yet (base.schedule), soonest first."""
        return self.filter(upcoming_q("starts_at", now=now)).order_by("starts_at")

    def past(self, now=None):
        return self.exclude(upcoming_q("starts_at", now=now)).order_by("-starts_at")

    def split_upcoming_past(self, now=None) -> tuple[list, list]:
        """(upcoming meetings soonest first, past meetings latest first), read in one query."""
        flagged = self.annotate(
            _upcoming=ExpressionWrapper(upcoming_q("starts_at", now=now), output_field=BooleanField())
        ).order_by("starts_at")
        meetings = list(flagged)
        return [m for m in meetings if m._upcoming], [m for m in reversed(meetings) if not m._upcoming]


WorkingGroupPageManager = PortalPageManager.from_queryset(WorkingGroupPageQuerySet)
NeedsSheetPageManager = PortalPageManager.from_queryset(NeedsSheetPageQuerySet)
