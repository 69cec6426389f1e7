"""Who answers for each content page, when it was last checked, and what its readers said of it.

Kept beside the pages, keyed on wagtailcore.Page, so that every page type has them without a field of its
own, and so that a review or a change of responsable makes no new revision of the page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .choices import ReportStatus, ReviewReason
from .querysets import ReportQuerySet, StewardshipQuerySet, UsefulnessQuerySet


class PageStewardship(models.Model):
    """A page's chosen responsable and its last review; a page without a row has its default responsable
    (governance.services.owners) and counts as checked at its first publication."""

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="stewardship"
    )
    owner = models.ForeignKey(
        "people.Person",
        verbose_name=_("responsable"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stewarded_pages",
        help_text=_("Vide : le responsable par défaut du type de page."),
    )
    last_reviewed_at = models.DateTimeField(_("vérifiée le"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vérifiée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A change that asks for a review now, whatever the page's age; cleared by the next review.
    review_reason = models.CharField(
        _("motif de vérification"), max_length=20, choices=ReviewReason.choices, blank=True
    )
    review_requested_at = models.DateTimeField(_("vérification demandée le"), null=True, blank=True)
    # The reminders sent for the current due date (governance.services.reminders): each goes once.
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("signalé aux chargés de projet le"), null=True, blank=True)

    objects = StewardshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("responsable de page")
        verbose_name_plural = _("responsables de page")

    def __str__(self):
        return f"{self.page_id} → {self.owner_id}"


class PageReview(models.Model):
    """One « Toujours exact » given to a page: who, when and what they noted."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vérifiée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("vérifiée le"), auto_now_add=True)
    comment = models.CharField(_("commentaire"), max_length=500, blank=True)
    reason = models.CharField(_("motif"), max_length=20, choices=ReviewReason.choices, blank=True)

    class Meta:
        verbose_name = _("vérification")
        verbose_name_plural = _("vérifications")
        ordering = ["-reviewed_at", "-pk"]

    def __str__(self):
        return f"{self.page_id} ({self.reviewed_at:%Y-%m-%d})"


class PageUsefulness(models.Model):
    """How many readers found the page useful or not: counts only, never who voted (no record of a person's
    reading or opinion is kept; a reader's own vote lives in their session)."""

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="usefulness"
    )
    useful = models.PositiveIntegerField(_("utile"), default=0)
    not_useful = models.PositiveIntegerField(_("pas utile"), default=0)

    objects = UsefulnessQuerySet.as_manager()

    class Meta:
        verbose_name = _("utilité d’une page")
        verbose_name_plural = _("utilité des pages")

    def __str__(self):
        return f"{self.page_id}: {self.useful} / {self.not_useful}"


class FeedbackReport(models.Model):
    """A problem a reader reported on a page; its responsable (or a project officer) treats or declines it
    with a reply the reporter receives."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signalé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("problème"), max_length=1000)
    created_at = models.DateTimeField(_("signalé le"), auto_now_add=True)
    status = models.CharField(_("état"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    reply = models.TextField(_("réponse"), max_length=1000, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("traité par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("traité le"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:60]


@register_setting(icon="time")
class ReviewPeriods(BaseGenericSetting):
    """How often each type of page is checked by its responsable; empty: never by age (a change may still ask
    for a review)."""

    working_group_months = models.PositiveSmallIntegerField(
        _("groupes de travail et micro-projets (mois)"), null=True, blank=True, default=12
    )
    approach_months = models.PositiveSmallIntegerField(
        _("démarches modélisées (mois)"), null=True, blank=True, default=12
    )
    case_study_months = models.PositiveSmallIntegerField(_("études de cas (mois)"), null=True, blank=True, default=24)
    document_months = models.PositiveSmallIntegerField(
        _("documents et pages libres (mois)"), null=True, blank=True, default=24
    )
    news_months = models.PositiveSmallIntegerField(_("actualités (mois)"), null=True, blank=True, default=None)
    other_months = models.PositiveSmallIntegerField(
        _("autres pages : agenda, fiches besoins, projet de service (mois)"), null=True, blank=True, default=None
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("working_group_months"),
                FieldPanel("approach_months"),
                FieldPanel("case_study_months"),
                FieldPanel("document_months"),
                FieldPanel("news_months"),
                FieldPanel("other_months"),
            ],
            heading=_("Vérifier les pages tous les…"),
        )
    ]

    class Meta:
        verbose_name = _("délais de vérification")
