"""What a reader follows (a working group, a section, a tag) and how they want to be told by e-mail."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..querysets import FollowQuerySet


class Follow(models.Model):
    """One reader's choice about one target: a page (working group or section) or a tag.

    `following=False` records an explicit "Ne plus suivre", which matters for the groups a reader belongs
    to: those are followed by default (computed, never stored) unless such a row says otherwise.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("compte"), on_delete=models.CASCADE, related_name="follows"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("mot-clé"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    following = models.BooleanField(_("suivi"), default=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], condition=Q(page__isnull=False), name="follow_one_page"),
            models.UniqueConstraint(fields=["user", "tag"], condition=Q(tag__isnull=False), name="follow_one_tag"),
            models.CheckConstraint(
                condition=Q(page__isnull=False, tag__isnull=True) | Q(page__isnull=True, tag__isnull=False),
                name="follow_page_or_tag",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.page_id or self.tag_id}"


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immédiat")
    DAILY = "daily", _("Résumé quotidien")
    WEEKLY = "weekly", _("Résumé hebdomadaire")
    NONE = "none", _("Aucun e-mail")


class NotificationPreference(models.Model):
    """How often a reader receives the e-mails of their notifications (the bell always shows them)."""

    Frequency = EmailFrequency

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    email_frequency = models.CharField(
        _("e-mails"), max_length=20, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATE
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")

    def __str__(self):
        return f"{self.user_id}: {self.email_frequency}"
