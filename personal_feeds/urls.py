from django.urls import path

from . import feeds, views

app_name = "personal_feeds"

PERSONAL = "flux/personnel/<str:secret>/"

urlpatterns = [
    path(f"{PERSONAL}actualites.rss", feeds.personal_news_rss, name="news_rss"),
    path(f"{PERSONAL}actualites.atom", feeds.personal_news_atom, name="news_atom"),
    path(f"{PERSONAL}agenda.ics", feeds.personal_agenda_ics, name="agenda_ics"),
    path(
        f"{PERSONAL}groupes/<str:group_id>/reunions.ics", feeds.personal_group_meetings_ics, name="group_meetings_ics"
    ),
    # Last of the personal addresses: anything else under them answers as an unknown secret.
    path("flux/personnel/<path:rest>", feeds.unknown_personal_address),
    path("flux/groupes/<str:group_id>/reunions.ics", feeds.group_meetings_ics, name="session_group_meetings_ics"),
    path("mon-compte/flux/s-abonner/actualites/", views.subscribe, {"kind": "news"}, name="subscribe_news"),
    path("mon-compte/flux/s-abonner/agenda/", views.subscribe, {"kind": "agenda"}, name="subscribe_agenda"),
    path(
        "mon-compte/flux/s-abonner/groupes/<str:group_id>/",
        views.subscribe,
        {"kind": "group"},
        name="subscribe_group",
    ),
    path("mon-compte/flux/creer/", views.create, name="create"),
    path("mon-compte/flux/regenerer/", views.regenerate, name="regenerate"),
    path("mon-compte/flux/revoquer/", views.revoke, name="revoke"),
]
