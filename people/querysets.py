"""The directory's domain filters."""

from django.db import models


class PersonQuerySet(models.QuerySet):
    def in_directory(self):
        """People still in the service: a card with no account (imported, resource person) or with an active
        one. A departed person's card stays reachable from what they wrote, out of the listing and search."""
        return self.filter(models.Q(user__isnull=True) | models.Q(user__is_active=True))
