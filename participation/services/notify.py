"""Creating notifications (in-app) and the e-mails that carry them, without ever sending inside a request."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision

from base.visibility import can_view_page

from ..models import (
    DeliveryKind,
    DeliveryStatus,
    EmailDelivery,
    Notification,
    NotificationKind,
    NotificationPreference,
    PublicationNotice,
)
from ..tasks import enqueue_deliveries
from .bell import forget_unread_counts
from .recipients import publication_recipients
from .schedule import immediate_send_time, next_send_time

Frequency = NotificationPreference.Frequency


def is_first_publication(page: Page) -> bool:
    # Wagtail sets both dates to the same instant when a page goes live for the first time.
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def notify_publication(page: Page, revision: Revision | None, *, first: bool | None = None) -> list[Notification]:
    """Tell the followers about a page just published: its first publication, or an update an editor
    published with "Publier et prévenir les abonnés". Any other publication tells nobody.

    `first` is read when the page is published (participation.signals): the task that calls this later
    may find the page published again since."""
    page = page.specific
    # An alias is published along with its original, which already told the followers.
    if not page.live or revision is None or page.alias_of_id:
        return []
    if first is None:
        first = is_first_publication(page)
    if not first and not PublicationNotice.objects.filter(revision=revision, significant=True).exists():
        return []
    recipients = publication_recipients(page, revision.user_id)
    if first:
        kind, message = NotificationKind.PUBLICATION, _("Nouvelle publication : « %(title)s »")
    else:
        kind, message = NotificationKind.UPDATE, _("Mise à jour importante : « %(title)s »")
    return create_notifications(recipients, page, kind, message % {"title": page.title}, f"revision:{revision.pk}")


def notify_status_change(change) -> Notification | None:
    """Tell a needs sheet's submitter about a decision on it (not about their own submission)."""
    sheet = change.sheet
    submitter = sheet.submitted_by.user if sheet.submitted_by_id and sheet.submitted_by.user_id else sheet.owner
    if submitter is None or not submitter.is_active or change.decided_by_id == submitter.pk:
        return None
    submitter = get_user_model().objects.get(pk=submitter.pk)  # a fresh account: no remembered visibility
    if not can_view_page(sheet, submitter):
        return None
    message = _("Votre fiche « %(title)s » est passée au statut « %(status)s ».") % {
        "title": sheet.title,
        "status": change.get_status_display(),
    }
    if change.reason:
        message = f"{message} {_('Motif :')} {change.reason}"
    created = create_notifications(
        [submitter], sheet, NotificationKind.STATUS, message[:500], f"status:{change.pk}", immediate=True
    )
    return created[0] if created else None


def create_notifications(recipients, page, kind, message, key, *, immediate=False) -> list[Notification]:
    """One notification per recipient for this event (never a second one), then their e-mails."""
    ids = [user.pk for user in recipients]
    if not ids:
        return []
    existing = set(
        Notification.objects.filter(page=page, key=key, recipient__in=ids).values_list("recipient_id", flat=True)
    )
    new = [
        Notification(recipient_id=user_id, page=page, kind=kind, message=message, key=key)
        for user_id in ids
        if user_id not in existing
    ]
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    created = list(
        Notification.objects.filter(page=page, key=key, recipient__in=[n.recipient_id for n in new]).select_related(
            "recipient"
        )
    )
    forget_unread_counts(n.recipient_id for n in created)
    schedule_emails(created, immediate=immediate)
    return created


def _frequencies(user_ids) -> dict[int, str]:
    chosen = dict(NotificationPreference.objects.filter(user__in=user_ids).values_list("user_id", "email_frequency"))
    return {user_id: chosen.get(user_id, Frequency.IMMEDIATE) for user_id in user_ids}


def schedule_emails(notifications: list[Notification], *, immediate: bool = False) -> None:
    """Immediate e-mails get a delivery each; digest readers' notifications join their period's digest.

    immediate=True (a needs sheet's status) sends at once unless the reader wants no e-mail at all.
    """
    frequencies = _frequencies([n.recipient_id for n in notifications])
    now_ids, later = [], []
    # Outside the working hours, "immediate" means at the next opening (right to disconnect).
    wait_until = immediate_send_time()
    for notification in notifications:
        frequency = frequencies[notification.recipient_id]
        if frequency == Frequency.NONE or not notification.recipient.email:
            continue
        if immediate or frequency == Frequency.IMMEDIATE:
            delivery = EmailDelivery.objects.create(
                recipient_id=notification.recipient_id, kind=DeliveryKind.IMMEDIATE, scheduled_for=wait_until
            )
            delivery.notifications.add(notification)
            if wait_until is None:
                now_ids.append(delivery.pk)
            else:
                later.append(delivery)
        else:
            delivery, created = _pending_digest(notification.recipient_id, next_send_time(frequency))
            delivery.notifications.add(notification)
            if created:
                later.append(delivery)
    transaction.on_commit(lambda: enqueue_deliveries(now_ids, later))


def _pending_digest(user_id: int, send_time) -> tuple[EmailDelivery, bool]:
    lookup = {"recipient_id": user_id, "kind": DeliveryKind.DIGEST, "scheduled_for": send_time}
    try:
        with transaction.atomic():
            return EmailDelivery.objects.get_or_create(**lookup, status=DeliveryStatus.PENDING)
    except IntegrityError:  # created at the same moment by another publication
        return EmailDelivery.objects.get(**lookup, status=DeliveryStatus.PENDING), False
