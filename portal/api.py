"""Read-only JSON API (Wagtail API v2) for signed-in users and integrations.

Every endpoint applies the visibility rule (base.visibility): a listing holds only what the reader may
open, and the detail of anything else answers 404. Malformed parameters answer 400 with a message.
"""

import re

from django.db.models import Case, IntegerField, When
from django.http import Http404
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from base.text import query_words
from base.visibility import visible_in_collections, visible_pages

# Beyond this, an offset only asks the database to skip rows that do not exist.
MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = 255
SEARCH_OPERATORS = ("and", "or")
# A search answers with its best results, at most this many (the API pages through them).
MAX_SEARCH_RESULTS = 500


class SignedInOnly:
    """Django REST framework exempts its views from LoginRequiredMiddleware (it authenticates by itself);
    the portal is private, so the middleware must check the session first (and answer 401)."""

    machine_readable = True
    permission_classes = [IsAuthenticated]

    @classmethod
    def as_view(cls, *args, **kwargs):
        view = super().as_view(*args, **kwargs)
        view.login_required = True
        return view


def _check_number(request, name: str, maximum: int | None = None) -> None:
    raw = request.GET.get(name)
    if raw is None:
        return
    if not (raw.isascii() and raw.isdigit()):
        raise BadRequestError(f"{name} : indiquez un nombre entier positif écrit avec les chiffres 0 à 9.")
    if maximum is not None and int(raw) > maximum:
        raise BadRequestError(f"{name} : la valeur ne peut pas dépasser {maximum}.")


def check_parameters(request) -> None:
    """Refuse (400) the values that the API would otherwise turn into a server error."""
    for values in request.GET.lists():
        if any("\x00" in value for value in values[1]) or "\x00" in values[0]:
            raise BadRequestError("Un paramètre contient un caractère interdit (NUL).")
    _check_number(request, "offset", MAX_OFFSET)
    _check_number(request, "limit")
    if len(request.GET.get("search", "")) > MAX_SEARCH_LENGTH:
        raise BadRequestError(f"search : au plus {MAX_SEARCH_LENGTH} caractères.")
    operator = request.GET.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator : valeurs possibles « and » ou « or ».")


class PortalSearchFilter(SearchFilter):
    """?search= read as the search page reads a query (words only, the first MAX_QUERY_WORDS), and
    answered as a plain queryset: the engine's results cannot be counted or filtered further."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = query_words(request.GET["search"])
        if not words:
            if request.GET["search"].strip():
                raise BadRequestError("search : indiquez au moins un mot (lettres ou chiffres).")
            return queryset
        ordered = "order" in request.GET
        try:
            results = get_search_backend().search(
                words, queryset, operator=request.GET.get("search_operator"), order_by_relevance=not ordered
            )
            keys = [item.pk for item in results[:MAX_SEARCH_RESULTS]]
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(f"search : ce critère ne peut pas accompagner une recherche ({error}).") from error
        found = queryset.filter(pk__in=keys)
        if ordered or not keys:
            return found
        return found.order_by(
            Case(*(When(pk=key, then=rank) for rank, key in enumerate(keys)), output_field=IntegerField())
        )


def _with_portal_search(backends: list) -> list:
    return [PortalSearchFilter if backend is SearchFilter else backend for backend in backends]


# Wagtail's own refusals, said in French (the portal's users read them in their integrations' logs).
WAGTAIL_MESSAGES = [
    (r"query parameter is not an operation or a recognised field: (.*)", "paramètre inconnu : {0}."),
    (r"(\w+) must be a positive integer", "{0} : indiquez un nombre entier positif."),
    (r"limit cannot be higher than (\d+)", "limit : la valeur ne peut pas dépasser {0}."),
    (r"(parent|ancestor|descendant|translation_of) page doesn't exist", "{0} : cette page n’existe pas."),
    (r"type doesn't exist", "type : ce type de page n’existe pas."),
    (r"unknown fields: (.*)", "fields : champs inconnus : {0}."),
    (r"fields error: (.*)", "fields : liste de champs mal formée ({0})."),
    (r"'(.*)' does not support nested fields", "fields : le champ « {0} » n’a pas de sous-champs."),
    (r"cannot order by '(.*)' \(.*\)", "order : impossible de trier par « {0} »."),
    (
        r"random ordering cannot be combined with other fields",
        "order : « random » ne se combine pas avec un autre tri.",
    ),
    (r"random ordering with offset is not supported", "order : « random » ne se combine pas avec offset."),
    (r"cannot (?:filter|order) by '(.*)' while searching.*", "search : « {0} » ne peut pas accompagner une recherche."),
    (r"filtering by tag with a search query is not supported", "search : ne se combine pas avec un filtre par tags."),
    (r"filtering by descendant_of with child_of is not supported", "descendant_of ne se combine pas avec child_of."),
    (r"field filter error\. '(.*)' is not a valid value for (\w+).*", "{1} : la valeur « {0} » n’est pas valide."),
    (r"field filter error\. null characters are not allowed for (\w+)", "{0} : caractère interdit (NUL)."),
    (r"search is disabled", "la recherche n’est pas disponible."),
]


def in_french(message: str) -> str:
    """Wagtail's message for a refused parameter, in French (the portal's own are already)."""
    for pattern, french in WAGTAIL_MESSAGES:
        if match := re.fullmatch(pattern, message, flags=re.DOTALL):
            return french.format(*(value[:200] for value in match.groups()))
    return message


class SafeParameters:
    """Checks the query string before Wagtail reads it; refusals and "not found" answer in French."""

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return Response({"message": in_french(str(exc))}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": "Introuvable (ou non visible pour vous)."}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)

    def listing_view(self, request):
        check_parameters(request)
        return super().listing_view(request)

    def detail_view(self, request, pk):
        check_parameters(request)
        return super().detail_view(request, pk)


class PortalPagesAPIViewSet(SignedInOnly, SafeParameters, PagesAPIViewSet):
    filter_backends = _with_portal_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        """The pages of the requested site (the current one by default) that the reader may open."""
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        if site is None:
            return Page.objects.none()
        return visible_pages(Page.objects.descendant_of(site.root_page, inclusive=True), self.request)


class PortalImagesAPIViewSet(SignedInOnly, SafeParameters, ImagesAPIViewSet):
    filter_backends = _with_portal_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return visible_in_collections(super().get_queryset(), self.request)


class PortalDocumentsAPIViewSet(SignedInOnly, SafeParameters, DocumentsAPIViewSet):
    filter_backends = _with_portal_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return visible_in_collections(super().get_queryset(), self.request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
