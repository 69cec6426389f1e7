from wagtail import hooks

from .rich_text import DocumentLinkWithAccessibility


# After wagtail.documents' own registration (order 0), which this one replaces.
@hooks.register("register_rich_text_features", order=10)
def register_document_link_with_accessibility(features):
    features.register_link_type(DocumentLinkWithAccessibility)
