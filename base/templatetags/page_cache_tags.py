"""`{% shared %}`: a piece of a template rendered once for every reader who may see the same things.

    {% load page_cache_tags %}
    {% shared "news-body" page %} … {% endshared %}

The key holds the content version, the reader's visibility class and the arguments (base.page_cache).
Personal parts (follow buttons, forms, the bell, the user menu) stay outside the block: a block whose HTML
carries a CSRF token or a script nonce is rendered but never stored. A block made only of template blocks that
the extending template left empty (templates/includes/section_index.html) is rendered without the cache.
"""

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockNode

from base.caches import TIME_DEPENDENT_SECONDS
from base.page_cache import shared_fragment

register = template.Library()


def _is_blank(node) -> bool:
    return isinstance(node, template.base.TextNode) and not node.s.strip()


class SharedNode(template.Node):
    def __init__(self, nodelist, name, vary, timed):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary
        self.timed = timed

    def render(self, context):
        request = context.get("request")
        if request is None or self._holds_nothing(context):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]
        timeout = TIME_DEPENDENT_SECONDS if self.timed is not None and self.timed.resolve(context) else None
        return shared_fragment(request, name, lambda: self.nodelist.render(context), *vary, timeout=timeout)

    def _holds_nothing(self, context) -> bool:
        """Whether the fragment is only blocks that the extending template did not fill: nothing to share."""
        blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
        for node in self.nodelist:
            if _is_blank(node):
                continue
            if not isinstance(node, BlockNode) or blocks is None:
                return False
            block = blocks.get_block(node.name) or node
            if not all(_is_blank(inner) for inner in block.nodelist):
                return False
        return True


@register.tag("shared")
def shared_tag(parser, token):
    """{% shared "name" arg… [timed | timed=expression] %}…{% endshared %}; `timed`: the block shows "à venir"
    items, kept a short time only."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared %} attend un nom de fragment")
    timed = None
    if bits[-1] == "timed":
        timed, bits = parser.compile_filter("True"), bits[:-1]
    elif bits[-1].startswith("timed="):
        timed, bits = parser.compile_filter(bits[-1].removeprefix("timed=")), bits[:-1]
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], timed)
