"""The demo documents: real PDF, DOCX and ODT files in collections, with métiers and a description.

Their text is extracted by the documents app once the load is committed, so the library search finds them.
A document already there (same title) is left as it is, file, description, collection and métiers included.
"""

from django.core.files.base import ContentFile
from wagtail.models import Collection

from base.text import fold
from documents.models import PortalDocument
from people.models import Metier

from .files import Section, build_file


def ensure_collection(name: str) -> Collection:
    # Wagtail's migrations create the root; a database emptied since (a flush) has none.
    root = Collection.get_first_root_node() or Collection.add_root(name="Bibliothèque")
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _set_metiers(document: PortalDocument, metiers: list[Metier]) -> None:
    manager = document.metiers
    manager.set(metiers)
    # A ParentalManyToManyField outside a ClusterableModel is only written on commit().
    if hasattr(manager, "commit"):
        manager.commit()


def ensure_documents(data: list[dict], metiers: dict[str, Metier]) -> dict[str, PortalDocument]:
    """The documents by key, the missing ones created."""
    documents = {}
    for item in data:
        document = PortalDocument.objects.filter(title=item["title"]).first()
        if document is None:
            sections = [Section(s["heading"], tuple(s["paragraphs"])) for s in item["sections"]]
            content = build_file(item["format"], item["title"], sections)
            document = PortalDocument(
                title=item["title"],
                file=ContentFile(content, name=f"{item['key']}.{item['format']}"),
                collection=ensure_collection(item["collection"]),
                description=item["description"],
            )
            document._set_document_file_metadata()
            document.save()
            _set_metiers(document, [metiers[fold(name)] for name in item["metiers"]])
        documents[item["key"]] = document
    return documents
