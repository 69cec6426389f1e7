"""A thesaurus change applies to the next search in every process."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Synonym
from .services.thesaurus import thesaurus_changed


@receiver([post_save, post_delete], sender=Synonym)
def on_synonym_change(sender, **kwargs):
    thesaurus_changed()
