"""Markdown → the HTML that Wagtail's rich text fields store.

Raw HTML in the Markdown is escaped (shown as text), never passed through: imported files
come from outside the portal. The output keeps to the rich text features the editors have
(headings h2/h3, bold, italic, lists, links, quotes, rules), so pages stay editable.
"""

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

# The page title is the h1: Markdown "#" and "##" become section titles, deeper levels sub-titles.
HEADING_TAGS = {"h1": "h2", "h2": "h2"}


def _heading_open(self, tokens, idx, options, env):
    return f"<{HEADING_TAGS.get(tokens[idx].tag, 'h3')}>"


def _heading_close(self, tokens, idx, options, env):
    return f"</{HEADING_TAGS.get(tokens[idx].tag, 'h3')}>\n"


def _code_inline(self, tokens, idx, options, env):
    return escapeHtml(tokens[idx].content)


def _code_block(self, tokens, idx, options, env):
    lines = escapeHtml(tokens[idx].content.rstrip("\n")).split("\n")
    return "<p>" + "<br/>".join(lines) + "</p>\n"


def _image(self, tokens, idx, options, env):
    # Images need a Wagtail image; keep their description as text.
    return escapeHtml(tokens[idx].content)


def _escaped_source(self, tokens, idx, options, env):
    return escapeHtml(tokens[idx].content)


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.add_render_rule("heading_open", _heading_open)
    md.add_render_rule("heading_close", _heading_close)
    md.add_render_rule("code_inline", _code_inline)
    md.add_render_rule("code_block", _code_block)
    md.add_render_rule("fence", _code_block)
    md.add_render_rule("image", _image)
    # Unreachable with html=False; kept so that a configuration change cannot let HTML through.
    md.add_render_rule("html_block", _escaped_source)
    md.add_render_rule("html_inline", _escaped_source)
    return md


_MARKDOWN = _build()
BETWEEN_TAGS = re.compile(r">\s*\n\s*<")


def to_rich_text(source: str) -> str:
    """Rich text HTML for a Markdown text; "" for an empty one."""
    if not source or not source.strip():
        return ""
    # The editor's own form: no line break between tags or inside a paragraph. Stored as markdown-it writes it,
    # the first save from the editor rewrote it, and the reviewer saw text changed that nobody had touched.
    html = BETWEEN_TAGS.sub("><", _MARKDOWN.render(source).strip())
    return " ".join(html.split("\n"))
