"""Filters of the case-study and approach lists."""

from django.core.paginator import Paginator
from taggit.models import Tag

from people.models import Metier

ITEMS_PER_PAGE = 12


def knowledge_index_context(index_page, request) -> dict:
    model = index_page.child_model
    tag_field = "themes" if hasattr(model, "themes") else "tags"
    items = model.objects.live().child_of(index_page).prefetch_related("metiers", tag_field)
    theme = request.GET.get("theme", "")
    metier = request.GET.get("metier", "")
    territory = request.GET.get("territoire", "")
    if theme:
        items = items.filter(**{f"{tag_field}__slug": theme})
    if metier:
        items = items.filter(metiers__slug=metier)
    territories = []
    if hasattr(model, "territory"):
        territories = (
            model.objects.live()
            .child_of(index_page)
            .exclude(territory="")
            .order_by("territory")
            .values_list("territory", flat=True)
            .distinct()
        )
        if territory:
            items = items.filter(territory=territory)
    all_items = model.objects.live().child_of(index_page)
    themes = Tag.objects.filter(
        **{f"{model._meta.app_label}_{model.__name__.lower()}tag_items__content_object__in": all_items}
    )
    return {
        "items": Paginator(items.order_by("-date", "title").distinct(), ITEMS_PER_PAGE).get_page(
            request.GET.get("page")
        ),
        "themes": themes.distinct().order_by("name"),
        "metiers": Metier.objects.all(),
        "territories": territories,
        "selected_theme": theme,
        "selected_metier": metier,
        "selected_territory": territory,
    }
