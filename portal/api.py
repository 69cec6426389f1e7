"""Read-only JSON API (Wagtail API v2) for signed-in users and integrations."""

from rest_framework.permissions import IsAuthenticated
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


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


class PortalPagesAPIViewSet(SignedInOnly, PagesAPIViewSet):
    pass


class PortalImagesAPIViewSet(SignedInOnly, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(SignedInOnly, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
