"""News index filters and feeds."""

from django.core.paginator import Paginator
from taggit.models import Tag

from people.models import Metier
from projects.models import WorkingGroupPage

from .models import NewsPage

NEWS_PER_PAGE = 10


def filtered_news(request, parent=None):
    """Live news, newest first, narrowed by the métier, tag, group and year given in the query string."""
    news = NewsPage.objects.live().select_related("author", "working_group", "image").prefetch_related("metiers")
    if parent is not None:
        news = news.child_of(parent)
    metier = request.GET.get("metier", "")
    tag = request.GET.get("tag", "")
    group = request.GET.get("groupe", "")
    year = request.GET.get("annee", "")
    if metier:
        news = news.filter(metiers__slug=metier)
    if tag:
        news = news.filter(tags__slug=tag)
    if group.isdigit():
        news = news.filter(working_group_id=int(group))
    if year.isdigit():
        news = news.filter(date__year=int(year))
    return news.order_by("-date", "-first_published_at").distinct(), {
        "selected_metier": metier,
        "selected_tag": tag,
        "selected_group": group,
        "selected_year": year,
    }


def news_index_context(index_page, request) -> dict:
    news, selected = filtered_news(request, parent=index_page)
    all_news = NewsPage.objects.live().child_of(index_page)
    return {
        "news": Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page")),
        "metiers": Metier.objects.all(),
        "tags": Tag.objects.filter(news_newspagetag_items__content_object__in=all_news).distinct().order_by("name"),
        "groups": WorkingGroupPage.objects.live().filter(news__in=all_news).distinct().order_by("title"),
        "years": sorted({d.year for d in all_news.values_list("date", flat=True)}, reverse=True),
        **selected,
    }
