"""The administration's document form."""

from wagtail.documents.forms import BaseDocumentForm

from .choices import DocumentAccessibility


class PortalDocumentForm(BaseDocumentForm):
    """Wagtail's document form, where a missing accessibility status (a form of an older version, a script
    posting only the file and its title) means « à vérifier » rather than a refused upload."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "accessibility" in self.fields:
            self.fields["accessibility"].required = False

    def clean_accessibility(self):
        return self.cleaned_data.get("accessibility") or DocumentAccessibility.TO_CHECK
