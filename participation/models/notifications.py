"""In-app notifications (the bell) and the publications editors asked to announce."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import NotificationKind
from ..querysets import NotificationQuerySet


class Notification(models.Model):
    """One item shown to one recipient: a page published or updated, or a needs sheet's new status.

    `key` names the event (a revision, a status change): with the recipient and the page it is unique,
    so nobody is told twice about the same thing, whatever the number of follows leading to it.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("type"), max_length=20, choices=NotificationKind.choices)
    message = models.CharField(_("message"), max_length=500)
    key = models.CharField(_("événement"), max_length=60)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "page", "key"], name="notification_once_per_event"),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
        ]

    def __str__(self):
        return self.message

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class PublicationNotice(models.Model):
    """A revision an editor published with "Publier et prévenir les abonnés": a significant update.

    A later publication of a page tells its followers only when such a row exists for its revision.
    """

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    revision = models.OneToOneField(
        "wagtailcore.Revision", verbose_name=_("révision"), on_delete=models.CASCADE, related_name="+"
    )
    significant = models.BooleanField(_("mise à jour importante"), default=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("annonce de mise à jour")
        verbose_name_plural = _("annonces de mise à jour")

    def __str__(self):
        return f"{self.page_id} / {self.revision_id}"
