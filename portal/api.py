"""Read-only JSON API (Wagtail API v2) for signed-in users and integrations."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PortalPagesAPIViewSet(PagesAPIViewSet):
    machine_readable = True


class PortalImagesAPIViewSet(ImagesAPIViewSet):
    machine_readable = True


class PortalDocumentsAPIViewSet(DocumentsAPIViewSet):
    machine_readable = True


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
