"""Queries on working groups, their meetings and the needs sheets."""

from django.db import models
from django.db.models import BooleanField, Count, ExpressionWrapper, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

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

    def with_support_count(self):
        """Each sheet's number of supporters as `support_count` (a subquery: no GROUP BY on the pages)."""
        # The supports' model, reached through the relation: querysets sit below the models.
        supports = self.model._meta.get_field("supports").related_model.objects
        supporters = supports.filter(sheet=OuterRef("pk")).order_by().values("sheet").annotate(n=Count("pk"))
        return self.annotate(
            support_count=Coalesce(Subquery(supporters.values("n"), output_field=IntegerField()), Value(0))
        )

    def most_supported(self):
        counted = self if "support_count" in self.query.annotations else self.with_support_count()
        return counted.order_by("-support_count", "-date", "-pk")

    def submitted_by_user(self, user):
        """Sheets this account raised: signed by its directory entry, or created by it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(submitted_by__user=user) | Q(owner=user))


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


class NeedSupportQuerySet(models.QuerySet):
    def summary_for(self, user) -> tuple[int, bool]:
        """(number of supporters, whether this account is one of them), in one query."""
        mine = Q(user=user) if user.is_authenticated else Q(pk__in=[])
        totals = self.aggregate(n=Count("pk"), mine=Count("pk", filter=mine))
        return totals["n"], bool(totals["mine"])


class NeedCommentQuerySet(models.QuerySet):
    def for_page(self):
        """Oldest first, with what the list shows of their authors and moderators."""
        return self.select_related("author", "hidden_by").order_by("created_at", "pk")
