"""`{% shared %}`: a piece of a template rendered once for every reader who may see the same things.

    {% load page_cache_tags %}
    {% shared "news-body" page %} … {% endshared %}

The key holds the content version, the reader's visibility class and the arguments (base.page_cache).
Personal parts (follow buttons, forms, the bell, the user menu) stay outside the block: a block whose HTML
carries a CSRF token or a script nonce is rendered but never stored.
"""

from django import template

from base.page_cache import TIME_DEPENDENT_SECONDS, shared_fragment

register = template.Library()


class SharedNode(template.Node):
    def __init__(self, nodelist, name, vary, timed):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary
        self.timed = timed

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]
        timeout = TIME_DEPENDENT_SECONDS if self.timed else None
        return shared_fragment(request, name, lambda: self.nodelist.render(context), *vary, timeout=timeout)


@register.tag("shared")
def shared_tag(parser, token):
    """{% shared "name" arg… [timed] %}…{% endshared %}; `timed`: the block shows "à venir" items."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared %} attend un nom de fragment")
    timed = bits[-1] == "timed"
    if timed:
        bits = bits[:-1]
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], timed)
