"""Wagtail's "Utilisation des types de page" report, counting and naming only the pages its user lists in the
administration (base.admin_lists): Wagtail's counts every page and names the last edited page of each type,
restricted pages and other groups' drafts included, to anyone who may edit one page (a pilot).

Served at Wagtail's own address (base.admin_urls); the other reports a pilot may open list only the
pages they may edit (workflows, aging pages) or explore (site history).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from .admin_lists import listed_pages_condition


class ListedPageTypesUsageReportView(PageTypesUsageReportView):
    def get_queryset(self):
        listed = listed_pages_condition(self.request)
        if listed is None:
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        generic = ContentType.objects.get_for_model(Page)
        if not Page.objects.filter(listed, depth__gt=1, content_type=generic).exists():
            queryset = queryset.exclude(pk=generic.pk)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        site_root_path = self.filters.form.cleaned_data.get("site")
        in_site = Q(path__startswith=site_root_path) if site_root_path else Q()
        latest_edited = Page.objects.filter(listed, in_site, content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        counted = listed_pages_condition(self.request, prefix="pages__")
        if site_root_path:
            counted &= Q(pages__path__startswith=site_root_path)
        queryset = queryset.annotate(
            count=Count("pages", filter=counted), last_edited_page_id=Subquery(latest_edited.values("pk")[:1])
        )
        return queryset.order_by("-count", "app_label", "model")
