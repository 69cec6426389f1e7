"""The accessibility statement (déclaration d’accessibilité) the law asks of the portal: loi 2005-102 art. 47,
décret 2019-768, in the format of the RGAA 4.1 model."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from base.models import PortalPage
from base.rich_text import FULL_FEATURES, SHORT_FEATURES
from documents.models import PortalDocument

from ..accessibility_statement import first_statement
from ..choices import ComplianceStatus
from ..permissions import AdministratorsOnlyPermissionTester
from ..querysets import AccessibilityStatementManager

# RGAA 4.1: at least half of the applicable criteria met makes a site "partiellement conforme".
PARTIAL_THRESHOLD = 50


class AccessibilityStatementPage(PortalPage):
    """The portal's accessibility statement: its conformity status and the audit it comes from, what is not
    accessible and why (non-conformities, derogations, content outside the obligation), the technologies and
    environment tested, how to report a problem and the recourse to the Défenseur des droits.

    Every page's footer links to it with « Accessibilité : … conforme » (legal.services.accessibility); it
    also lists the documents of the library marked « non accessible » that the reader may open. Only
    administrators change it (legal.permissions). A fresh site starts with the statement written from the
    portal's own audit (legal.accessibility_statement, docs/accessibilite-audit.md).
    """

    compliance_status = models.CharField(
        _("état de conformité"),
        max_length=20,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.NOT_COMPLIANT,
        help_text=_(
            "Totalement : 100 % des critères applicables respectés ; partiellement : au moins 50 % ; "
            "non : moins de 50 %, ou aucun audit en cours de validité. Repris en pied de chaque page."
        ),
    )
    compliance_rate = models.PositiveSmallIntegerField(
        _("taux de conformité (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Le taux donné par un audit complet du RGAA ; vide sans audit complet."),
    )
    statement_date = models.DateField(_("déclaration établie le"), null=True, blank=True)
    audit_date = models.DateField(_("date de l’audit"), null=True, blank=True)
    audit_method = RichTextField(
        _("méthode de l’audit"),
        blank=True,
        features=FULL_FEATURES,
        help_text=_("Qui l’a réalisé, le référentiel, l’échantillon de pages, les outils."),
    )
    non_conformities = RichTextField(_("non-conformités"), blank=True, features=FULL_FEATURES)
    derogations = RichTextField(_("dérogations pour charge disproportionnée"), blank=True, features=FULL_FEATURES)
    exempt_content = RichTextField(
        _("contenus non soumis à l’obligation d’accessibilité"), blank=True, features=FULL_FEATURES
    )
    inaccessible_content = RichTextField(
        _("autres contenus non accessibles"),
        blank=True,
        features=FULL_FEATURES,
        help_text=_("Les documents marqués « non accessible » dans la bibliothèque sont listés d’office."),
    )
    technologies = RichTextField(_("technologies utilisées"), blank=True, features=SHORT_FEATURES)
    test_environment = RichTextField(
        _("environnement de test"),
        blank=True,
        features=SHORT_FEATURES,
        help_text=_("Navigateurs, technologies d’assistance et systèmes avec lesquels le portail a été vérifié."),
    )
    contact = RichTextField(
        _("retour d’information et contact"),
        blank=True,
        features=SHORT_FEATURES,
        help_text=_("Comment signaler un défaut d’accessibilité ou obtenir un contenu sous une autre forme."),
    )
    recourse = RichTextField(_("voies de recours"), blank=True, features=SHORT_FEATURES)

    objects = AccessibilityStatementManager()

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("compliance_status"), FieldPanel("compliance_rate")]),
                FieldRowPanel([FieldPanel("statement_date"), FieldPanel("audit_date")]),
                FieldPanel("audit_method"),
            ],
            heading=_("État de conformité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("non_conformities"),
                FieldPanel("derogations"),
                FieldPanel("exempt_content"),
                FieldPanel("inaccessible_content"),
            ],
            heading=_("Contenus non accessibles"),
        ),
        MultiFieldPanel(
            [FieldPanel("technologies"), FieldPanel("test_environment")],
            heading=_("Établissement de cette déclaration"),
        ),
        MultiFieldPanel([FieldPanel("contact"), FieldPanel("recourse")], heading=_("Contact et recours")),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("non_conformities"),
        index.SearchField("inaccessible_content"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("déclaration d’accessibilité")
        verbose_name_plural = _("déclarations d’accessibilité")

    @classmethod
    def initial_content(cls) -> dict:
        """What the statement says when the site setup creates it (home.services.site_tree)."""
        return first_statement()

    def clean(self):
        super().clean()
        rate, status = self.compliance_rate, self.compliance_status
        if rate is None:
            if status != ComplianceStatus.NOT_COMPLIANT:
                raise ValidationError(
                    {"compliance_rate": _("Sans taux donné par un audit, le site est déclaré « non conforme ».")}
                )
            return
        expected = (
            ComplianceStatus.FULLY_COMPLIANT
            if rate == 100
            else ComplianceStatus.PARTIALLY_COMPLIANT
            if rate >= PARTIAL_THRESHOLD
            else ComplianceStatus.NOT_COMPLIANT
        )
        if status != expected:
            raise ValidationError(
                {
                    "compliance_status": _("Avec un taux de %(rate)s %%, l’état de conformité est « %(label)s ».")
                    % {"rate": rate, "label": expected.label}
                }
            )

    def permissions_for_user(self, user):
        return AdministratorsOnlyPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only the documents this reader may open (base.visibility): a restricted one is not named here either.
        context["inaccessible_documents"] = (
            PortalDocument.objects.visible_to(request).not_accessible().order_by("title", "pk")
        )
        return context
