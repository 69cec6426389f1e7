"""Building blocks shared by the page types, and the generic standard page."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class PortalPage(Page):
    """Abstract base of content pages: a summary for listings and the métiers it concerns."""

    summary = models.TextField(
        _("résumé"),
        blank=True,
        max_length=600,
        help_text=_("Deux ou trois phrases reprises dans les listes et les résultats de recherche."),
    )
    metiers = ParentalManyToManyField(
        "people.Metier", verbose_name=_("métiers concernés"), blank=True, related_name="+"
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        abstract = True


# Panels are copied when bound to a model, so one instance can serve every page type.
METIERS_PANEL = FieldPanel("metiers", widget=forms.CheckboxSelectMultiple)


class StandardPage(PortalPage):
    """A free-form page (practical information, help, about): title, summary and body."""

    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = PortalPage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage", "base.StandardPage"]

    class Meta:
        verbose_name = _("page libre")
        verbose_name_plural = _("pages libres")
