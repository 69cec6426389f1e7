from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from events.views import agenda_ics, event_ics
from news.feeds import NewsAtomFeed, NewsFeed
from people import views as people_views
from search import api as search_api
from search import views as search_views

from . import views
from .api import api_router

urlpatterns = [
    path("health/", views.health, name="health"),
    path("comptes/", include("accounts.sso.urls")),
    path("comptes/", include("allauth.urls")),
    path("comptes/", include("accounts.urls")),
    # Wagtail's own sign-in forms hand over to the portal's (single sign-on, rate limits).
    path("admin/login/", views.sign_in_elsewhere),
    path("_util/login/", views.sign_in_elsewhere),
    # A few of Wagtail's admin views, at their own addresses, listing only what their user may see.
    path("admin/", include("base.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("media/<path:path>", views.protected_media, name="protected_media"),
    path("recherche/", search_views.search, name="search"),
    path("recherche/clic/", search_views.search_click, name="search_click"),
    path("ma-fiche/", people_views.my_card, name="my_card"),
    path("ma-fiche/telephone/", people_views.my_phone, name="my_phone"),
    path("flux/actualites.rss", NewsFeed(), name="news_rss"),
    path("flux/actualites.atom", NewsAtomFeed(), name="news_atom"),
    path("flux/agenda.ics", agenda_ics, name="agenda_ics"),
    path("flux/agenda/<int:event_id>.ics", event_ics, name="event_ics"),
    path("api/search/", search_api.search, name="search_api"),
    path("", include("participation.urls")),
    path("", include("personal_feeds.urls")),
    path("", include("legal.urls")),
    path("", include("governance.urls")),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Everything else is a Wagtail page; this must come last.
urlpatterns += [path("", include(wagtail_urls))]

# A database outage answers 503 "Service momentanément indisponible"; any other failure, the French 500 page.
handler500 = "portal.errors.server_error"
