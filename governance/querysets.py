"""Governance's domain filters, as chainable queryset methods."""

from django.db import models
from wagtail.models import Page

from base.visibility import visible_pages

from .choices import ReportStatus


class StewardshipQuerySet(models.QuerySet):
    def for_pages(self, page_ids):
        return self.filter(page_id__in=page_ids)

    def review_requested(self):
        """Pages for which a change asked for a review that nobody has made since."""
        return self.exclude(review_reason="")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReportStatus.OPEN)

    def on_pages(self, page_ids):
        return self.filter(page_id__in=page_ids)

    def visible_to(self, reader):
        """Reports on pages the reader may open (base.visibility): nobody hears of a page they may not see."""
        return self.filter(page__in=visible_pages(Page.objects.all(), reader).values("pk"))


class UsefulnessQuerySet(models.QuerySet):
    def for_pages(self, page_ids):
        return self.filter(page_id__in=page_ids)
