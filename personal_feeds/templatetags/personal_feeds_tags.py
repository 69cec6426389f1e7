"""The "S’abonner" block of the news, agenda and group pages, and the management block of one's account."""

from django import template
from django.urls import reverse

from projects.models import WorkingGroupPage

from ..services import current_token

register = template.Library()

KINDS = ("news", "agenda", "group")


def _absolute(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"personal_feeds:{name}", kwargs=kwargs))


def personal_feeds(request, token, kind: str, group=None) -> list[tuple[str, str]]:
    """(label, personal address) of one kind of feed: news (RSS and Atom), agenda, or one group's meetings."""
    secret = token.secret
    if kind == "news":
        return [
            ("Actualités (RSS)", _absolute(request, "news_rss", secret=secret)),
            ("Actualités (Atom)", _absolute(request, "news_atom", secret=secret)),
        ]
    if kind == "agenda":
        return [("Agenda (iCalendar)", _absolute(request, "agenda_ics", secret=secret))]
    if kind == "group" and group is not None:
        url = _absolute(request, "group_meetings_ics", secret=secret, group_id=group.pk)
        return [(f"Réunions – {group.title}", url)]
    return []


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
def my_feeds(context):
    """Every personal address of the reader (news, agenda, the visible groups they belong to), to manage them."""
    request = context["request"]
    user = request.user
    token = current_token(user)
    feeds = []
    if token:
        feeds = personal_feeds(request, token, "news") + personal_feeds(request, token, "agenda")
        groups = WorkingGroupPage.objects.of_user(user).visible_to(user).order_by("title")
        for group in groups:
            feeds += personal_feeds(request, token, "group", group)
    return _block(context, token, feeds)
