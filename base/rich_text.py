"""The rich-text feature sets, defined once: every RichTextField and RichTextBlock names one of these."""

# Long structured text: sheets, case studies, approaches, minutes.
FULL_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote", "hr"]
# A few sentences or a short list: target audience, deliverables, a step's description.
SHORT_FEATURES = ["bold", "italic", "ul", "ol", "link"]
# A paragraph of introduction or welcome.
INLINE_FEATURES = ["bold", "italic", "link"]
