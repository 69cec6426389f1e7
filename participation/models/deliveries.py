"""E-mails to send: one row per message, so that sending is idempotent and survives a worker restart."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import DeliveryKind, DeliveryStatus
from ..querysets import EmailDeliveryQuerySet

MAX_ATTEMPTS = 5


class EmailDelivery(models.Model):
    """One e-mail to one recipient: an immediate message or the digest of a period.

    A task sends it only while it is pending and claimed by nobody else; a failure keeps it pending with
    the error and the number of attempts, until MAX_ATTEMPTS, when it is marked failed.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        on_delete=models.CASCADE,
        related_name="email_deliveries",
    )
    kind = models.CharField(_("type"), max_length=20, choices=DeliveryKind.choices)
    notifications = models.ManyToManyField(
        "participation.Notification", verbose_name=_("notifications"), related_name="deliveries"
    )
    scheduled_for = models.DateTimeField(_("envoi prévu le"), null=True, blank=True)
    status = models.CharField(
        _("état"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    claimed_at = models.DateTimeField(_("prise en charge le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    objects = EmailDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("envoi d’e-mail")
        verbose_name_plural = _("envois d’e-mails")
        constraints = [
            # One pending digest per recipient and send time: every notification of the period joins it.
            models.UniqueConstraint(
                fields=["recipient", "scheduled_for"],
                condition=Q(kind="digest", status="pending"),
                name="one_pending_digest_per_period",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient_id} ({self.get_status_display()})"
