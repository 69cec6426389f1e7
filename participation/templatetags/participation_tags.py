from django import template
from taggit.models import Tag

from ..services.bell import unread_count
from ..services.follows import is_following
from ..services.targets import is_followable_page

register = template.Library()


@register.inclusion_tag("participation/includes/follow_button.html", takes_context=True)
def follow_button(context, target, following=None):
    """The "Suivre" / "Ne plus suivre" button of a working group, a section page or a tag.

    `following` may be given when the template already knows it ("Mes abonnements"): no query then.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    target = getattr(target, "specific", target)
    shown = bool(user and user.is_authenticated and (isinstance(target, Tag) or is_followable_page(target)))
    return {
        "shown": shown,
        "target": target,
        "is_tag": isinstance(target, Tag),
        "name": getattr(target, "title", None) or getattr(target, "name", ""),
        "following": shown and (following if following is not None else is_following(user, target)),
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("participation/includes/notification_bell.html", takes_context=True)
def notification_bell(context):
    """The header's bell with the number of unread notifications (one count query, cached a minute)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"shown": False}
    return {"shown": True, "unread": unread_count(request)}
