"""The portal's URLs plus one view that fails, to see the headers of the 500 page."""

from django.urls import path

from portal import urls as portal_urls


def failing_view(request):
    raise RuntimeError("Panne simulée pour les tests d'en-têtes")


urlpatterns = [path("panne/", failing_view), *portal_urls.urlpatterns]
handler500 = portal_urls.handler500
