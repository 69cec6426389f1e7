"""Writing and sending the e-mails of the notifications: one delivery, one message, sent once."""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import DeliveryKind, DeliveryStatus, EmailDelivery, NotificationPreference
from .models.deliveries import MAX_ATTEMPTS
from .unsubscribe import unsubscribe_url

logger = logging.getLogger(__name__)

# A worker that died while sending leaves its claim: after this long another one may take the delivery.
CLAIM_TIMEOUT = datetime.timedelta(minutes=15)
RETRY_DELAYS = (1, 5, 15, 60)  # minutes before attempts 2, 3, 4 and 5


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def build_message(delivery: EmailDelivery, notifications) -> EmailMultiAlternatives:
    user = delivery.recipient
    digest = delivery.kind == DeliveryKind.DIGEST
    items = [{"notification": n, "url": absolute(reverse("participation:open", args=[n.pk]))} for n in notifications]
    unsubscribe = unsubscribe_url(user)
    context = {
        "user": user,
        "items": items,
        "digest": digest,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "notifications_url": absolute(reverse("participation:notifications")),
        "preferences_url": absolute(reverse("participation:subscriptions")),
        "unsubscribe_url": unsubscribe,
    }
    if digest:
        subject = _("Votre résumé : %(count)s nouveauté(s)") % {"count": len(items)}
    else:
        subject = items[0]["notification"].message
    message = EmailMultiAlternatives(
        subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}"[:250],
        body=render_to_string("participation/emails/notifications.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("participation/emails/notifications.html", context), "text/html")
    return message


def _claim(delivery_id: int) -> bool:
    """Take the delivery for this worker, atomically: two workers never send the same e-mail."""
    now = timezone.now()
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    return bool(EmailDelivery.objects.due(now).filter(free, pk=delivery_id).update(claimed_at=now))


def deliver(delivery_id: int) -> str | None:
    """Send one pending delivery, if due and not taken. Returns its new status, None when left alone.

    The notifications are read again at send time: those whose page the recipient may no longer open
    are left out, and a delivery with nothing left (or a recipient who stopped e-mails) is cancelled.
    """
    if not _claim(delivery_id):
        return None
    delivery = EmailDelivery.objects.select_related("recipient").get(pk=delivery_id)
    user = get_user_model().objects.get(pk=delivery.recipient_id)  # fresh: visibility read now
    delivery.recipient = user
    notifications = list(delivery.notifications.openable_by(user).select_related("page").order_by("created_at", "pk"))
    preference = NotificationPreference.objects.filter(user=user).values_list("email_frequency", flat=True).first()
    if not notifications or not user.is_active or not user.email or preference == NotificationPreference.Frequency.NONE:
        _finish(delivery, DeliveryStatus.CANCELLED)
        return DeliveryStatus.CANCELLED
    try:
        build_message(delivery, notifications).send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("E-mail delivery %s failed (attempt %s)", delivery_id, delivery.attempts + 1, exc_info=True)
        attempts = delivery.attempts + 1
        status = DeliveryStatus.FAILED if attempts >= MAX_ATTEMPTS else DeliveryStatus.PENDING
        EmailDelivery.objects.filter(pk=delivery_id).update(
            attempts=attempts, last_error=str(error)[:2000], status=status, claimed_at=None
        )
        return status
    _finish(delivery, DeliveryStatus.SENT, attempts=delivery.attempts + 1, sent_at=timezone.now(), last_error="")
    return DeliveryStatus.SENT


def _finish(delivery: EmailDelivery, status: str, **fields) -> None:
    EmailDelivery.objects.filter(pk=delivery.pk).update(status=status, claimed_at=None, **fields)


def retry_delay(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1])
