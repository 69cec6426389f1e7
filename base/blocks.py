"""StreamField blocks shared by every page type with free-form content."""

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.compare import CharBlockComparison, diff_text
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .rich_text import FULL_FEATURES, SHORT_FEATURES
from .templatetags.french import date


class ChoiceComparison(CharBlockComparison):
    """A choice compared as its label (« Plus bas est mieux »), not its stored value."""

    def _label(self, value) -> str:
        return str(dict(self.block.field.choices).get(value, value or ""))

    def htmlvalue(self, val):
        return escape(self._label(val))

    def htmldiff(self):
        return diff_text(self._label(self.val_a), self._label(self.val_b)).to_html()


class DateComparison(ChoiceComparison):
    """A date compared as a reader writes it (« 1er décembre 2026 »), not in ISO format."""

    def _label(self, value) -> str:
        return date(value, "j F Y") if value else ""


class ChoiceBlock(blocks.ChoiceBlock):
    """Wagtail's choice block, shown by its label in the comparison of two revisions."""

    def get_comparison_class(self):
        return ChoiceComparison


class DateBlock(blocks.DateBlock):
    """Wagtail's date block, shown as a French date in the comparison of two revisions."""

    def get_comparison_class(self):
        return DateComparison


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texte"), max_length=200)
    level = ChoiceBlock(
        label=_("niveau"), choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "base/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for a key message, a warning or a practical tip."""

    kind = ChoiceBlock(
        label=_("type"),
        choices=[("info", _("Information")), ("important", _("Important")), ("tip", _("Conseil pratique"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("texte"), features=SHORT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "base/blocks/callout.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("auteur"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "base/blocks/quote.html"


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"))

    class Meta:
        icon = "doc-full"
        label = _("Documents à télécharger")
        template = "base/blocks/document_list.html"


class BodyBlock(blocks.StreamBlock):
    """Free-form content: text, headings, images, callouts, quotes and downloads."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraphe"), icon="pilcrow", features=FULL_FEATURES)
    image = ImageBlock(label=_("Image"))
    callout = CalloutBlock()
    quote = QuoteBlock()
    documents = DocumentListBlock()

    class Meta:
        template = "base/blocks/body.html"
