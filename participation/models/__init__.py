from .deliveries import DeliveryKind, DeliveryStatus, EmailDelivery
from .follows import Follow, NotificationPreference
from .notifications import Notification, NotificationKind, PublicationNotice
from .working_hours import WorkingHours

__all__ = [
    "DeliveryKind",
    "DeliveryStatus",
    "EmailDelivery",
    "Follow",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "PublicationNotice",
    "WorkingHours",
]
