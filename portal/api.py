"""Read-only JSON API (Wagtail API v2) for signed-in users and integrations.

Every endpoint applies the visibility rule (base.visibility): a listing holds only what the reader may
open, and the detail of anything else answers 404. Malformed parameters answer 400 with a message.
"""

from rest_framework.permissions import IsAuthenticated
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from base.visibility import visible_in_collections, visible_pages

# Beyond this, an offset only asks the database to skip rows that do not exist.
MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = 255
SEARCH_OPERATORS = ("and", "or")


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


class SafeParameters:
    """Checks the query string before Wagtail reads it."""

    def listing_view(self, request):
        check_parameters(request)
        return super().listing_view(request)

    def detail_view(self, request, pk):
        check_parameters(request)
        return super().detail_view(request, pk)


class PortalPagesAPIViewSet(SignedInOnly, SafeParameters, PagesAPIViewSet):
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
    def get_queryset(self):
        return visible_in_collections(super().get_queryset(), self.request)


class PortalDocumentsAPIViewSet(SignedInOnly, SafeParameters, DocumentsAPIViewSet):
    def get_queryset(self):
        return visible_in_collections(super().get_queryset(), self.request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
