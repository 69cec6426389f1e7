"""RSS and Atom feeds of the news, for signed-in readers (anonymous callers get 401) and personal addresses.

A feed holds what its reader may see, narrowed by the news index filters (?metier=, ?tag=, ?groupe=,
?annee=; a refused value is ignored). Text is cleaned of the characters XML 1.0 cannot carry.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from base.text import printable

from .filters import NewsFilterSet
from .services import news_index, visible_news

FEED_LENGTH = 30

# A feed containing one character outside the XML 1.0 "Char" production is not XML.
xml_text = printable


@dataclass
class FeedSource:
    request: object
    index_page: object  # NewsIndexPage or None
    news: list  # NewsPage, with the request they are linked for


class NewsFeed(Feed):
    title = _("Actualités de l'intranet")
    description = _("Les dernières actualités du projet de service.")
    machine_readable = True

    def get_object(self, request, reader=None):
        """The news of the request's reader, or of the given account (personal feeds, without a session)."""
        # One Feed instance serves every request: the filtered news travel with the object, not on self.
        reader = request if reader is None else reader
        # The feed is narrowed by the same filters as the news index, read from the feed's address.
        news = NewsFilterSet(request.GET or None, queryset=visible_news(reader), request=reader).qs.for_feeds()
        return FeedSource(request=request, index_page=news_index(request), news=news)

    def link(self, source):
        return source.index_page.get_url(source.request) if source.index_page else "/"

    def items(self, source):
        items = list(source.news[:FEED_LENGTH])
        for item in items:
            item.feed_request = source.request
        return items

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.summary)

    def item_link(self, item):
        return item.get_url(getattr(item, "feed_request", None))

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_author_name(self, item):
        return xml_text(item.author.full_name) if item.author else None

    def item_categories(self, item):
        return [xml_text(tag.name) for tag in item.tags.all()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
