"""The portal's URLs behind the floor view: the cheapest signed-in page the middleware stack can serve."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def floor(request):
    # Private by default (PortalLoginRequiredMiddleware): a visitor without a session is sent to sign in.
    return HttpResponse(f"plancher {request.user.pk}", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/plancher/", floor, name="bench_floor"), *portal_urlpatterns]
