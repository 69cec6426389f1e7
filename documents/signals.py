from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import PortalDocument
from .tasks import extract_document_text


@receiver(post_save, sender=PortalDocument)
def queue_text_extraction(sender, instance: PortalDocument, **kwargs):
    # The task skips files already read (same file_hash), so metadata edits cost nothing.
    document_id = instance.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))
