"""Template tags of the legal pages: the footer's accessibility mention."""

from django import template

from ..services.accessibility import accessibility_mention as mention_for

register = template.Library()


@register.inclusion_tag("legal/includes/accessibility_mention.html", takes_context=True)
def accessibility_mention(context):
    """« Accessibilité : … conforme », linking to the statement, for a reader who may open it."""
    request = context.get("request")
    # The request goes along: {% pageurl %} finds the site's root paths on it rather than in the database.
    return {"mention": mention_for(request), "request": request}
