"""Wagtail's chooser views that answer for one item (or a few) given by id: a page, document or image that
its user does not list in the administration (base.admin_lists) answers like an unknown one. Without them, a
pilot could read the titles of restricted pages, drafts, documents and images by trying ids."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.admin.views.chooser import ChosenMultipleView as PagesChosenMultipleView
from wagtail.documents.views.chooser import DocumentChosenMultipleView, DocumentChosenView
from wagtail.images.views.chooser import ImageChosenMultipleView, ImageChosenView, ImageSelectFormatView
from wagtail.models import Page

from .admin_lists import listed_media, listed_pages


def _ids(values) -> list[int]:
    return [int(value) for value in values if value.isascii() and value.isdigit() and len(value) <= 18]


class ListedChosenMixin:
    """One item by id, only if listed."""

    def get_object(self, pk):
        item = super().get_object(pk)
        if not listed_media(type(item).objects.filter(pk=item.pk), self.request).exists():
            raise ObjectDoesNotExist
        return item


class ListedChosenMultipleMixin:
    """Items by id, those listed only."""

    def get_objects(self, pks):
        return listed_media(super().get_objects(_ids(pks)), self.request)


class ListedDocumentChosenView(ListedChosenMixin, DocumentChosenView):
    pass


class ListedDocumentChosenMultipleView(ListedChosenMultipleMixin, DocumentChosenMultipleView):
    pass


class ListedImageChosenView(ListedChosenMixin, ImageChosenView):
    pass


class ListedImageChosenMultipleView(ListedChosenMultipleMixin, ImageChosenMultipleView):
    pass


class ListedImageSelectFormatView(ListedChosenMixin, ImageSelectFormatView):
    def get_object(self, pk):
        try:
            return super().get_object(pk)
        except ObjectDoesNotExist:
            raise Http404 from None


class ListedPagesChosenMultipleView(PagesChosenMultipleView):
    def get(self, request):
        listed = listed_pages(Page.objects.filter(pk__in=_ids(request.GET.getlist("id"))), request)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in listed.values_list("pk", flat=True)])
        return super().get(request)
