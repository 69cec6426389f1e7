"""How a page type or model declares how it is searched: the one module of search that other apps import.

A page type declares itself where it is defined, with a class decorator, as a Wagtail app registers a
snippet::

    from search.registry import Facets, Kind, searchable

    @searchable(kind=Kind("actualites", _("Actualités"), order=10, favours_recent=True),
                facets=Facets(date="date", group="working_group_id"))
    class NewsPage(PortalPage):
        search_fields = PortalPage.search_fields + [index.SearchField("body"), ...]

- `kind`: the type of its results (key used in URLs, French label, place among the types). A page type
  that declares nothing is an "Autres pages" result; base's content pages (PortalPage) are searched
  whether they declare or not.
- `title`, `summary`, `body`: which of its `search_fields` are its title, summary and body; any other
  searched field is a structured field (tags and related objects included). The ranking weighs title
  over summary over structured fields over body.
- `facets`: where its date, métiers, working group (a page id) and tags are read (search.declarations.Facets:
  an attribute name, names tried in turn, or a function of the object).
- `source`, for a model that is not a page: which objects a reader may see and search, how a result
  links and what it loads (search.declarations.Source).

Declaring also makes Wagtail's index hold the title's terms and the analysed text (`ANALYSED_FIELD`,
"search_terms"): `search_fields` are completed, the analysed text last unless the model places
`index.SearchField(ANALYSED_FIELD)` itself. A model registered after start-up (a test's)
is searched as soon as it is registered.

`ranked_objects(queryset, query)` ranks a section's own search box (the document library) like the site
search.
"""

from collections.abc import Sequence

from django.db.models import Model

from .declarations import DEFAULT, OTHER_PAGES, Declaration, Facets, Kind, Source, declare, withdraw
from .records import ANALYSED_FIELD, prepare_model
from .services.site_search import ranked_objects

__all__ = ["ANALYSED_FIELD", "Facets", "Kind", "Source", "ranked_objects", "register", "searchable", "unregister"]


def register(
    model: type[Model],
    *,
    kind: Kind = OTHER_PAGES,
    title: Sequence[str] = DEFAULT.title,
    summary: Sequence[str] = DEFAULT.summary,
    body: Sequence[str] = DEFAULT.body,
    facets: Facets | None = None,
    source: Source | None = None,
) -> type[Model]:
    """Declare how `model` is searched (see the module's documentation); returns the model."""
    declare(model, Declaration(kind, tuple(title), tuple(summary), tuple(body), facets or Facets(), source))
    prepare_model(model)
    return model


def searchable(**options):
    """`register` as a class decorator."""

    def decorator(model: type[Model]) -> type[Model]:
        return register(model, **options)

    return decorator


def unregister(model: type[Model]) -> None:
    """Forget a model's declaration (a test's model, once the test is over)."""
    withdraw(model)
