"""RSS and Atom feeds of the news, for signed-in readers (anonymous callers get 401)."""

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import NewsIndexPage
from .views import filtered_news

FEED_LENGTH = 30


@dataclass
class FeedSource:
    index_page: NewsIndexPage | None
    news: object  # QuerySet of NewsPage


class NewsFeed(Feed):
    title = _("Actualités de l'intranet")
    description = _("Les dernières actualités du projet de service.")
    machine_readable = True

    def get_object(self, request):
        # One Feed instance serves every request: the filtered news travel with the object, not on self.
        news, _selected = filtered_news(request)
        return FeedSource(index_page=NewsIndexPage.objects.live().first(), news=news)

    def link(self, source):
        return source.index_page.url if source.index_page else "/"

    def items(self, source):
        return source.news[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_author_name(self, item):
        return item.author.full_name if item.author else None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
