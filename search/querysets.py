"""Search's domain filters, as chainable queryset methods."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class SearchRecordQuerySet(models.QuerySet):
    def of(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
