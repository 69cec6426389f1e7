"""The personal addresses of one kind of feed, absolute, built for the holder of a token."""

from django.urls import reverse


def _absolute(request, name: str, query: str = "", **kwargs) -> str:
    url = request.build_absolute_uri(reverse(f"personal_feeds:{name}", kwargs=kwargs))
    return f"{url}?{query}" if query else url


def personal_feeds(request, token, kind: str, group=None, query: str = "") -> list[tuple[str, str]]:
    """(label, personal address) of one kind of feed: news (RSS and Atom), agenda, or one group's meetings.

    `query` narrows the news feeds by the news index filters (already validated, URL-encoded).
    """
    secret = token.secret
    if kind == "news":
        return [
            ("Actualités (RSS)", _absolute(request, "news_rss", query, secret=secret)),
            ("Actualités (Atom)", _absolute(request, "news_atom", query, secret=secret)),
        ]
    if kind == "agenda":
        return [("Agenda (iCalendar)", _absolute(request, "agenda_ics", secret=secret))]
    if kind == "group" and group is not None:
        url = _absolute(request, "group_meetings_ics", secret=secret, group_id=group.pk)
        return [(f"Réunions – {group.title}", url)]
    return []
