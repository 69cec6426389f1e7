"""The news a reader may see: in the index, in the feeds (narrowed by the index's filters)."""

from ..filters import NewsFilterSet
from ..models import NewsIndexPage, NewsPage


def visible_news(reader, parent=None):
    """Live news the reader (request or account) may see (under `parent` when given), newest first."""
    news = NewsPage.objects.all()
    if parent is not None:
        news = news.child_of(parent)
    return news.visible_to(reader).newest_first()


def news_index(request):
    """The live news index page (the feeds link to it), or None."""
    return NewsIndexPage.objects.live().first()


def feed_news(request, reader=None):
    """The news of the feeds: those the reader (the request's, or the given account) may see, narrowed by the
    request's filters, the same as the news index's."""
    reader = request if reader is None else reader
    filterset = NewsFilterSet(request.GET or None, queryset=visible_news(reader), request=reader)
    return filterset.qs.for_feeds()
