"""The project dashboard page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from base.models import PortalPage
from base.rich_text import INLINE_FEATURES

from .services.page import ProjectDashboard


class DashboardPage(PortalPage):
    """The dashboard of the projet de service: how the working groups' actions and indicators progress,
    needs sheets by status and trained staff over time, counting only what the reader may open."""

    introduction = RichTextField(_("introduction"), blank=True, features=INLINE_FEATURES)

    content_panels = PortalPage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("tableau de bord du projet de service")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dashboard"] = ProjectDashboard(request)
        return context
