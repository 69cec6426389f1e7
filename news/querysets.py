"""Queries on news articles: display order and what a listing or a feed needs in one go."""

from base.querysets import PortalPageManager, PortalPageQuerySet


class NewsPageQuerySet(PortalPageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def for_cards(self):
        """What a news card shows (image and its collection, group, métiers), fetched with the articles."""
        return self.select_related("image__collection", "working_group").prefetch_related("metiers")

    def years(self) -> list[int]:
        """Years of these news, latest first."""
        return [day.year for day in self.order_by().dates("date", "year", order="DESC")]

    def for_feeds(self):
        """What a feed entry shows (author, tags), fetched with the articles."""
        return self.select_related("author").prefetch_related("tags")


NewsPageManager = PortalPageManager.from_queryset(NewsPageQuerySet)
