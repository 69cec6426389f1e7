from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import PortalDocument, TextStatus
from .tasks import extract_document_text


@receiver(post_save, sender=PortalDocument)
def queue_text_extraction(sender, instance: PortalDocument, **kwargs):
    """Read the text in the background: the upload answers at once, the text is searchable once read.

    A metadata edit of a file already read (same file_hash) queues nothing.
    """
    if instance.file_hash and instance.file_hash == instance.extracted_from_hash:
        return
    document_id = instance.pk
    PortalDocument.objects.filter(pk=document_id).update(text_status=TextStatus.PENDING, text_status_message="")
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))
