"""Links to documents in rich text say, like every other download link, whether the document is accessible."""

from django.utils.html import format_html
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Collection, CollectionViewRestriction


class DocumentLinkWithAccessibility(DocumentLinkHandler):
    """Wagtail's document link with the document's accessibility in a data attribute, which the stylesheet
    writes after the link's text (content.css): the editor's link text stays as written.

    Rich text is rendered without knowing its reader: a document in a restricted collection gets Wagtail's
    plain link, so that nothing about it reaches readers who may not open it.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        documents = cls.get_many(attrs_list)
        restricted = _restricted_collections({document.collection_id for document in documents if document})
        return [
            "<a>"
            if document is None
            else format_html('<a href="{}">', document.url)
            if document.collection_id in restricted
            else format_html(
                '<a href="{}" data-document-accessibility="{}">', document.url, document.accessibility_label
            )
            for document in documents
        ]


def _restricted_collections(collection_ids: set[int]) -> set[int]:
    """Those of these collections under a view restriction (theirs or an ancestor's): no query when the site
    has none, one more otherwise."""
    restricted_paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not restricted_paths or not collection_ids:
        return set()
    paths = Collection.objects.filter(pk__in=collection_ids).values_list("pk", "path")
    return {pk for pk, path in paths if any(path.startswith(restricted) for restricted in restricted_paths)}
