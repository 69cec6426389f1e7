from django.urls import path

from .views import follows, notifications, unsubscribe

app_name = "participation"

urlpatterns = [
    path("mon-compte/abonnements/", follows.subscriptions, name="subscriptions"),
    path("mon-compte/abonnements/preference/", follows.update_preference, name="preference"),
    path("mon-compte/abonnements/suivre/", follows.follow, name="follow"),
    path("mon-compte/abonnements/ne-plus-suivre/", follows.unfollow, name="unfollow"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/tout-marquer-lu/", notifications.mark_all_read, name="mark_all_read"),
    path("notifications/<int:pk>/lue/", notifications.mark_read, name="mark_read"),
    path("notifications/<int:pk>/ouvrir/", notifications.open_notification, name="open"),
    path("desabonnement/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
