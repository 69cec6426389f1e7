"""The search report in the admin (Recherche > Rapport de recherche) and the forms it opens already filled in.

The report lists what people searched for on /recherche/ (search.services.reporting), most searched
first, and can keep only the searches that found nothing. For each search it also shows how many of its
searches with results led to no click on a result, and how often its « Vouliez-vous dire … ? » was followed:
totals per search, never per person. Each row offers, in one click, Wagtail's form
to add a recommendation (a search promotion) or the thesaurus' form to add a synonym, both filled in
with the search.
"""

import datetime
from urllib.parse import urlencode

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import F, PositiveIntegerField, Value
from django.db.models.functions import Greatest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import ButtonsColumnMixin, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import ListingButton
from wagtail.contrib.search_promotions.views import CreateView as PromotionCreateView
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView

from .models import SearchQueryRecord, Synonym
from .services.acronym_mining import proposals
from .services.reporting import record_key

REPORT_URL_NAMESPACE = "search_report"
PROMOTION_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
SYNONYM_PERMISSION = "portal_search.add_synonym"
DEFAULT_PERIOD = "90"
PERIODS = [
    ("7", _("7 derniers jours")),
    ("30", _("30 derniers jours")),
    ("90", _("90 derniers jours")),
    ("365", _("12 derniers mois")),
    ("tout", _("Depuis le début")),
]
NO_RESULTS, SOME_RESULTS = "aucun", "trouves"
# Query.query_string and a synonym's first expression: what a search term may fill in.
MAX_PREFILLED_LENGTH = 255


def can_view_search_report(user) -> bool:
    """Those who can act on the report: add a recommendation or a synonym."""
    return user.has_perm(PROMOTION_PERMISSION) or user.has_perm(SYNONYM_PERMISSION)


def synonym_add_url(expression: str) -> str:
    """The thesaurus' add form, its first expression filled in."""
    return reverse(Synonym.snippet_viewset.get_url_name("add")) + "?" + urlencode({"expressions": expression})


def promotion_add_url(query: str) -> str:
    return reverse(f"{REPORT_URL_NAMESPACE}:add_promotion") + "?" + urlencode({"query_string": query})


def _prefilled(request, name: str) -> str:
    return " ".join(request.GET.get(name, "").split())[:MAX_PREFILLED_LENGTH]


class PrefilledSynonymCreateView(SnippetCreateView):
    """The thesaurus' add form; `?expressions=` fills in the first expression (from the search report)."""

    def get_initial(self):
        initial = super().get_initial()
        if expression := _prefilled(self.request, "expressions"):
            initial["expressions"] = expression
        return initial


class PrefilledPromotionCreateView(PromotionCreateView):
    """Wagtail's form to add a recommendation, the search term filled in from `?query_string=`.

    Only shows the form: it is sent to Wagtail's own add view, which saves it.
    """

    http_method_names = ["get", "head", "options"]

    def get_initial(self):
        return {"query_string": _prefilled(self.request, "query_string")}


class SearchReportFilterSet(WagtailFilterSet):
    periode = django_filters.ChoiceFilter(
        label=_("Dernière recherche"), choices=PERIODS, method="filter_period", empty_label=None
    )
    resultats = django_filters.ChoiceFilter(
        label=_("Résultats"),
        choices=[(NO_RESULTS, _("Aucun résultat")), (SOME_RESULTS, _("Au moins un résultat"))],
        method="filter_results",
        empty_label=_("Tous"),
    )

    class Meta:
        model = SearchQueryRecord
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        # Without a chosen period, the last 90 days; shown as the default, not as an active filter.
        if data is None or not data.get("periode"):
            data = data.copy() if data is not None else QueryDict(mutable=True)
            data["periode"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)
        self.form.fields["periode"].initial = DEFAULT_PERIOD

    def filter_period(self, queryset, name, value):
        if value == "tout":
            return queryset
        since = timezone.now() - datetime.timedelta(days=int(value))
        return queryset.filter(last_searched_at__gte=since)

    def filter_results(self, queryset, name, value):
        if value == NO_RESULTS:
            return queryset.filter(last_result_count=0)
        return queryset.filter(last_result_count__gt=0)


class QueryColumn(ButtonsColumnMixin, TitleColumn):
    """The search, linked to its results on the site, with the buttons to act on it."""

    def __init__(self, *args, can_promote=False, can_add_synonym=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_promote = can_promote
        self.can_add_synonym = can_add_synonym

    def get_buttons(self, instance, parent_context):
        buttons = []
        if self.can_promote:
            buttons.append(
                ListingButton(
                    _("Ajouter une recommandation"),
                    url=promotion_add_url(instance.spelling),
                    icon_name="pick",
                    priority=10,
                )
            )
        if self.can_add_synonym:
            buttons.append(
                ListingButton(
                    _("Ajouter un synonyme"), url=synonym_add_url(instance.spelling), icon_name="list-ul", priority=20
                )
            )
        return buttons


class SearchReportView(ReportView):
    """Top searches (by number of searches) and searches without results, over a period."""

    model = SearchQueryRecord
    page_title = _("Rapport de recherche")
    header_icon = "search"
    index_url_name = f"{REPORT_URL_NAMESPACE}:index"
    index_results_url_name = f"{REPORT_URL_NAMESPACE}:results"
    filterset_class = SearchReportFilterSet
    is_searchable = True
    search_fields = ["query"]
    default_ordering = "-searches"
    verbose_name_plural = _("recherches")
    template_name = "search/admin/search_report.html"
    list_export = [
        "spelling",
        "searches",
        "searches_with_results",
        "without_click",
        "suggestions_taken",
        "last_result_count",
        "last_searched_at",
    ]
    export_headings = {
        "spelling": _("Recherche"),
        "searches": _("Nombre de recherches"),
        "searches_with_results": _("Recherches avec résultats"),
        "without_click": _("Recherches avec résultats sans clic"),
        "suggestions_taken": _("Suggestion « Vouliez-vous dire » suivie"),
        "last_result_count": _("Résultats à la dernière recherche"),
        "last_searched_at": _("Dernière recherche"),
    }
    export_filename = "rapport-recherche"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        # One row per search as the search reads it, named by the spelling people typed most often; its
        # searches with results and no click (never below 0, whatever the counts of old records).
        without_click = Greatest(
            F("searches_with_results") - F("clicked_searches"), Value(0), output_field=PositiveIntegerField()
        )
        return SearchQueryRecord.objects.with_spelling().annotate(without_click=without_click)

    @cached_property
    def columns(self):
        user = self.request.user
        return [
            QueryColumn(
                "spelling",
                label=_("Recherche"),
                sort_key="query",
                get_url=lambda record: reverse("search") + "?" + urlencode({"q": record.spelling}),
                link_attrs={"target": "_blank", "rel": "noopener"},
                can_promote=user.has_perm(PROMOTION_PERMISSION),
                can_add_synonym=user.has_perm(SYNONYM_PERMISSION),
            ),
            NumberColumn("searches", label=_("Recherches"), sort_key="searches"),
            NumberColumn("without_click", label=_("Avec résultats, sans clic"), sort_key="without_click"),
            NumberColumn("suggestions_taken", label=_("Suggestion suivie"), sort_key="suggestions_taken"),
            NumberColumn("last_result_count", label=_("Résultats (dernière fois)"), sort_key="last_result_count"),
            DateColumn("last_searched_at", label=_("Dernière recherche"), sort_key="last_searched_at"),
        ]

    def order_queryset(self, queryset):
        # Equal counts in a stable order, so that pages do not overlap.
        return super().order_queryset(queryset).order_by(self.ordering, "query")

    def search_queryset(self, queryset):
        # Searches are recorded by their analysed form (no accents, French stems): so is what the report is
        # searched for, or its folded text when it has no term of its own.
        if not self.is_searching:
            return queryset
        return queryset.filter(query__contains=record_key(self.search_query))


class AcronymProposalsView(WagtailAdminTemplateMixin, TemplateView):
    """Recherche > Sigles des contenus: the acronyms the content defines and the thesaurus lacks, each with a
    link to the thesaurus' add form filled in. Only what the viewer may open is read."""

    template_name = "search/admin/acronym_proposals.html"
    page_title = _("Sigles des contenus")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SYNONYM_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["proposals"] = [
            (proposal, synonym_add_url(f"{proposal.acronym}, {proposal.expansion}"))
            for proposal in proposals(self.request)
        ]
        return context
