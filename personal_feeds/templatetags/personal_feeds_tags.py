"""The "S’abonner" block of the news, agenda and group pages, and the management block of one's account."""

from django import template

from projects.models import WorkingGroupPage

from ..addresses import personal_feeds
from ..services import current_token

register = template.Library()


def _block(context, token, feeds) -> dict:
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "token": token,
        "feeds": feeds,
        "next": request.get_full_path(),
    }


@register.inclusion_tag("personal_feeds/includes/subscribe_links.html", takes_context=True)
def subscribe_links(context, kind: str, group=None):
    """A "S’abonner" disclosure with the reader's personal address of this kind ("news", "agenda" or "group")."""
    request = context["request"]
    token = current_token(request.user)
    feeds = personal_feeds(request, token, kind, group) if token else []
    return _block(context, token, feeds)


@register.inclusion_tag("personal_feeds/includes/my_feeds_block.html", takes_context=True)
def my_feeds(context, groups=None):
    """Every personal address of the reader (news, agenda, working groups), to manage them.

    `groups`: the working groups to offer meetings of (those the reader follows, as "Mes abonnements" lists
    them, already limited to what the reader may see); by default the visible groups they belong to.
    """
    request = context["request"]
    user = request.user
    token = current_token(user)
    feeds = []
    if token:
        feeds = personal_feeds(request, token, "news") + personal_feeds(request, token, "agenda")
        if groups is None or groups == "":  # not given (a template variable missing resolves to "")
            groups = WorkingGroupPage.objects.of_user(user).visible_to(user).order_by("title")
        for group in groups:
            feeds += personal_feeds(request, token, "group", group)
    return _block(context, token, feeds)


@register.inclusion_tag("personal_feeds/includes/news_alternates.html", takes_context=True)
def news_alternates(context):
    """The news feeds announced in the page's head: the reader's personal ones once they have an address."""
    request = context["request"]
    token = current_token(request.user)
    feeds = personal_feeds(request, token, "news") if token else []
    return {"feeds": feeds}
