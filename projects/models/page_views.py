"""Sub-addresses of a page answered by ordinary views, for the needs pages' forms.

A page type names the list of URL patterns of its views (`page_views`, a dotted path read on first use, as
Django reads a URLconf): the views import the page types, never the reverse. Wagtail routes a page's
sub-address to them as to the page's own routes, once it has checked that the page is live and that the
reader may open it; each view is called as view(request, *args, page=<the page>, **kwargs).
"""

from functools import partial

from django.urls import include, path
from django.utils.module_loading import import_string
from wagtail.contrib.routable_page.models import RoutablePageMixin

from base.framework import is_routable_page_route


class PageViewsMixin(RoutablePageMixin):
    page_views = ""

    @classmethod
    def get_subpage_urls(cls):
        routes = super().get_subpage_urls()
        if cls.page_views:
            routes = (*routes, path("", include(import_string(cls.page_views))))
        return routes

    def resolve_subpage(self, path):
        match = self.get_resolver().resolve(path)
        if is_routable_page_route(match.func):
            match.func = match.func.__get__(self, type(self))  # one of the page's own routes
        else:
            match.func = partial(match.func, page=self)
        return match
