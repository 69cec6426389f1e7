"""The news a reader may see, and the filter choices they come with.

Choices (tags, working groups, years) are taken from the news the reader may see only: a restricted
article's tag, group or year is never offered to someone who cannot open it.
"""

from base.visibility import visible_pages

from .models import NewsIndexPage, NewsPage


def visible_news(reader, parent=None):
    """Live news the reader (request or account) may see (under `parent` when given), newest first."""
    news = NewsPage.objects.all()
    if parent is not None:
        news = news.child_of(parent)
    return news.visible_to(reader).newest_first()


def groups_of(news, reader):
    """Working groups (that the reader may see) having some of these news, by title."""
    from projects.models import WorkingGroupPage

    groups = WorkingGroupPage.objects.filter(pk__in=news.values("working_group")).order_by("title")
    return visible_pages(groups, reader)


def years_of(news) -> list[int]:
    """Years of these news, latest first."""
    return [day.year for day in news.order_by().dates("date", "year", order="DESC")]


def news_index(request):
    """The live news index page (the feeds link to it), or None."""
    return NewsIndexPage.objects.live().first()


def feed_news(request, reader=None):
    """The news of the feeds: those the reader (the request's, or the given account) may see, narrowed by the
    request's filters, the same as the news index's."""
    from .filters import NewsFilterSet

    reader = request if reader is None else reader
    filterset = NewsFilterSet(request.GET or None, queryset=visible_news(reader), request=reader)
    return filterset.qs.for_feeds()
