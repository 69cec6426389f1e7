"""Background work of the documents: reading the text of an uploaded file so that search finds it."""

from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.search import index

from .models import PortalDocument, TextStatus
from .services.extraction import ExtractionError, is_supported, logger, read_text


@task()
def extract_document_text(document_id: int) -> None:
    """Read the document's file and store its text and the outcome (text_status), then refresh its search entry.

    A failure is recorded on the document, where editors see it, instead of being lost in a log.
    """
    document = PortalDocument.objects.filter(pk=document_id).first()
    if document is None:
        return
    if document.file_hash and document.file_hash == document.extracted_from_hash:
        if document.text_status == TextStatus.PENDING:  # metadata saved again: the text is already there
            PortalDocument.objects.filter(pk=document_id).update(text_status=TextStatus.DONE)
        return
    text, status, message = "", TextStatus.DONE, ""
    if not is_supported(document.file.name):
        status = TextStatus.UNSUPPORTED
        message = _(
            "Ce type de fichier (%(type)s) n’est pas lu : seuls le titre et la description sont cherchables."
        ) % {"type": document.file_extension.upper() or "?"}
    else:
        try:
            with document.open_file() as stream:
                text = read_text(stream, document.file.name)
        except (ExtractionError, OSError) as error:
            logger.warning("Text extraction failed for document %s", document_id, exc_info=True)
            status = TextStatus.FAILED
            message = _(
                "Le texte du fichier n’a pas pu être lu (fichier endommagé, protégé par un mot de passe ou "
                "mal enregistré) : la recherche ne trouvera que son titre et sa description. "
                "Détail technique : %(error)s"
            ) % {"error": str(error)[:300]}
    PortalDocument.objects.filter(pk=document_id).update(
        extracted_text=text,
        extracted_from_hash=document.file_hash,
        text_status=status,
        text_status_message=message,
    )
    document.extracted_text = text
    index.insert_or_update_object(document)
