"""Administration addresses served by the portal's versions of Wagtail's views, in front of Wagtail's own
(portal.urls includes them first): each lists or names only what its user may open or edit
(base.admin_lists). Same addresses, same names' targets, decorated as Wagtail decorates its admin views."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.documents.views.chooser import viewset as document_chooser
from wagtail.images.views.chooser import viewset as image_chooser

from . import admin_choosers
from .admin_reports import ListedPageTypesUsageReportView


def _admin(view):
    return never_cache(require_admin_access(view))


urlpatterns = [
    path("reports/page-types-usage/", _admin(ListedPageTypesUsageReportView.as_view())),
    path("reports/page-types-usage/results/", _admin(ListedPageTypesUsageReportView.as_view(results_only=True))),
    path("choose-page/chosen-multiple/", _admin(admin_choosers.ListedPagesChosenMultipleView.as_view())),
    path(
        "documents/chooser/chosen/<str:pk>/",
        _admin(document_chooser.construct_view(admin_choosers.ListedDocumentChosenView)),
    ),
    path(
        "documents/chooser/chosen-multiple/",
        _admin(document_chooser.construct_view(admin_choosers.ListedDocumentChosenMultipleView)),
    ),
    path("images/chooser/chosen/<str:pk>/", _admin(image_chooser.construct_view(admin_choosers.ListedImageChosenView))),
    path(
        "images/chooser/chosen-multiple/",
        _admin(image_chooser.construct_view(admin_choosers.ListedImageChosenMultipleView)),
    ),
    path(
        "images/chooser/<int:image_id>/select_format/",
        _admin(
            admin_choosers.ListedImageSelectFormatView.as_view(
                model=image_chooser.model, preserve_url_parameters=image_chooser.preserve_url_parameters
            )
        ),
    ),
]
