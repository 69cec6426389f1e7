"""What the search page shows around its results: the type tabs, the side facets as links, and the
chosen filters with the links that remove them. Each link keeps the other choices and goes back to the
first page."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..declarations import kind_labels, kinds
from .site_search import FacetValue

# The side facets, in the order shown: URL parameter and heading (the type is shown as tabs above the list).
SIDE_FACETS = (
    ("metier", _("Métier")),
    ("groupe", _("Groupe de travail")),
    ("annee", _("Année")),
    ("mot_cle", _("Mot-clé")),
)
# Values listed before "Afficher tout": the longest lists (tags) stay short.
FACET_VALUES_SHOWN = 8
FILTER_PARAMETERS = ("type",) + tuple(name for name, _heading in SIDE_FACETS)


@dataclass
class FacetLink:
    label: str
    count: int
    selected: bool
    # Selecting an unselected value, unselecting the selected one; the other choices are kept.
    url: str


@dataclass
class FacetGroup:
    name: str
    heading: str
    links: list[FacetLink]

    @property
    def shown(self) -> list[FacetLink]:
        return self.links[:FACET_VALUES_SHOWN]

    @property
    def more(self) -> list[FacetLink]:
        return self.links[FACET_VALUES_SHOWN:]

    @property
    def more_selected(self) -> bool:
        """A chosen value is among the folded ones: they are shown unfolded."""
        return any(link.selected for link in self.more)


@dataclass
class ActiveFilter:
    heading: str
    label: str
    remove_url: str


def _url(params, **changes) -> str:
    """The query string of the page with `changes` applied (None removes), back to the first page."""
    query = params.copy()
    for name, value in {**changes, "page": None}.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = str(value)
    return f"?{query.urlencode()}"


def side_facets(params, facets: dict[str, list[FacetValue]]) -> list[FacetGroup]:
    groups = []
    for name, heading in SIDE_FACETS:
        links = [
            FacetLink(
                value.label,
                value.count,
                value.selected,
                _url(params, **{name: None if value.selected else value.value}),
            )
            for value in facets.get(name, [])
        ]
        if links:
            groups.append(FacetGroup(name, str(heading), links))
    return groups


def active_filters(params, filters, facets: dict[str, list[FacetValue]]) -> list[ActiveFilter]:
    """The chosen facet values, each with the link that removes it."""
    headings = {"type": _("Type"), **dict(SIDE_FACETS)}
    active = []
    for name in FILTER_PARAMETERS:
        value = filters.selected(name)
        if not value:
            continue
        labels = {facet.value: facet.label for facet in facets.get(name, [])}
        label = labels.get(value) or (str(kind_labels()[value]) if name == "type" else str(value))
        active.append(ActiveFilter(str(headings[name]), label, _url(params, **{name: None})))
    return active


def type_tabs(filters, facets: dict[str, list[FacetValue]]) -> list[FacetValue]:
    """The type facet, with the chosen type even when nothing of that type answers (so it shows as chosen)."""
    tabs = list(facets.get("type", []))
    if filters.type and not any(tab.selected for tab in tabs):
        order = [kind.key for kind in kinds()]
        tabs.append(FacetValue(filters.type, str(kind_labels()[filters.type]), 0, True))
        tabs.sort(key=lambda tab: order.index(tab.value))
    return tabs
