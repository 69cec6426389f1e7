"""What participation holds about a person, for « Mes données » (base.personal_data)."""

from .models import EmailDelivery, Follow, Notification, NotificationPreference


def collect_follows(user) -> list[dict]:
    rows = [
        {
            "page": follow.page.title if follow.page_id else "",
            "tag": follow.tag.name if follow.tag_id else "",
            "following": follow.following,
            "updated_at": follow.updated_at,
        }
        for follow in Follow.objects.filter(user=user).select_related("page", "tag").order_by("pk")
    ]
    preference = NotificationPreference.objects.filter(user=user).first()
    if preference is not None:
        rows.append({"email_frequency": preference.get_email_frequency_display(), "updated_at": preference.updated_at})
    return rows


def collect_notifications(user) -> list[dict]:
    # The person's own notifications, whatever became of their pages since: what is held is what is exported.
    return [
        {"message": n.message, "kind": n.get_kind_display(), "created_at": n.created_at, "read_at": n.read_at}
        for n in Notification.objects.filter(recipient=user).order_by("created_at", "pk")
    ]


def collect_email_deliveries(user) -> list[dict]:
    return [
        {
            "kind": delivery.get_kind_display(),
            "status": delivery.get_status_display(),
            "scheduled_for": delivery.scheduled_for,
            "created_at": delivery.created_at,
            "sent_at": delivery.sent_at,
            "attempts": delivery.attempts,
        }
        for delivery in EmailDelivery.objects.filter(recipient=user).order_by("created_at", "pk")
    ]
