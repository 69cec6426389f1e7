"""The news a reader may see: in the index and in the feeds."""

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
