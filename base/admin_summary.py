"""The administration home's site summary counting only the documents and images its user lists
(base.admin_lists): Wagtail's counts every one the user may choose, restricted collections included.

Imported by base.wagtail_hooks when the summary is built, once Wagtail's own hooks are loaded.
"""

from wagtail.admin.navigation import get_site_for_user
from wagtail.documents import get_document_model
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images import get_image_model
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.permissions import policy_registry

from .admin_lists import listed_media


def _listed_count(model, request) -> int:
    chosen = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        request.user, {"add", "change", "delete", "choose"}
    )
    return listed_media(chosen, request).count()


class ListedDocumentsSummaryItem(DocumentsSummaryItem):
    def get_context_data(self, parent_context):
        return {
            "total_docs": _listed_count(get_document_model(), self.request),
            "site_name": get_site_for_user(self.request.user)["site_name"],
        }


class ListedImagesSummaryItem(ImagesSummaryItem):
    def get_context_data(self, parent_context):
        return {
            "total_images": _listed_count(get_image_model(), self.request),
            "site_name": get_site_for_user(self.request.user)["site_name"],
        }


REPLACEMENTS = {DocumentsSummaryItem: ListedDocumentsSummaryItem, ImagesSummaryItem: ListedImagesSummaryItem}


def with_listed_counts(request, items: list) -> list:
    """The summary items, Wagtail's document and image counts replaced by the listed ones."""
    return [REPLACEMENTS[type(item)](request) if type(item) in REPLACEMENTS else item for item in items]
