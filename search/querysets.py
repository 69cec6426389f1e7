"""Search's domain filters, as chainable queryset methods."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Coalesce


class SearchRecordQuerySet(models.QuerySet):
    def of(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class SearchQueryRecordQuerySet(models.QuerySet):
    def with_spelling(self):
        """Each record with `spelling`: the way people typed it most often (accents kept), else its key."""
        spellings = self.model._meta.get_field("spellings").related_model.objects.filter(record=models.OuterRef("pk"))
        top = spellings.order_by("-searches", "text").values("text")[:1]
        return self.annotate(spelling=Coalesce(models.Subquery(top), models.F("query")))
