from django_tasks import task
from wagtail.search import index


@task()
def extract_document_text(document_id: int) -> None:
    """Read the document's file and store its text, then refresh its search entry."""
    from .models import PortalDocument
    from .services.extraction import extract_text

    document = PortalDocument.objects.filter(pk=document_id).first()
    if document is None or (document.file_hash and document.file_hash == document.extracted_from_hash):
        return
    with document.open_file() as stream:
        text = extract_text(stream, document.file.name)
    PortalDocument.objects.filter(pk=document_id).update(extracted_text=text, extracted_from_hash=document.file_hash)
    document.extracted_text = text
    index.insert_or_update_object(document)
