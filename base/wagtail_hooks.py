"""The administration lists only what its user may open or edit (base.admin_lists): page, document and image
choosers, the page explorer and its searches, the admin API, the site summary."""

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.compare import register_comparison_class

from .admin_lists import listed_media, listed_pages
from .admin_summary import with_listed_counts
from .compare import UnorderedTagsComparison

register_comparison_class(ClusterTaggableManager, comparison_class=UnorderedTagsComparison)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_lists_listed_pages(pages, request):
    return listed_pages(pages, request)


@hooks.register("construct_explorer_page_queryset")
def explorer_lists_listed_pages(parent_page, pages, request):
    return listed_pages(pages, request)


@hooks.register("construct_document_chooser_queryset")
def document_chooser_lists_listed_documents(documents, request):
    return listed_media(documents, request)


@hooks.register("construct_image_chooser_queryset")
def image_chooser_lists_listed_images(images, request):
    return listed_media(images, request)


class ListedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages (explorer menu, page searches): Wagtail's explorable pages, of those listed."""

    def get_base_queryset(self):
        return listed_pages(super().get_base_queryset(), self.request)


@hooks.register("construct_admin_api")
def admin_api_lists_listed_pages(router):
    router.register_endpoint("pages", ListedPagesAdminAPIViewSet)


# After Wagtail's own hooks (order 0), which add the items replaced here.
@hooks.register("construct_homepage_summary_items", order=100)
def summary_counts_listed_media(request, items):
    items[:] = with_listed_counts(request, items)
