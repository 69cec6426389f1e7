"""URLs of the test identity provider: OIDC endpoints at the root (issuer = base URL), sign-in under /accounts/."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.utils.html import format_html


def home(request: HttpRequest) -> HttpResponse:
    """Where the IdP lands after its own sign-in or sign-out (no client involved)."""
    if request.user.is_authenticated:
        status = format_html("Connecté en tant que {}.", request.user.email)
    else:
        status = "Non connecté."
    return HttpResponse(
        format_html(
            '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>'
            "<body><h1>{title}</h1><p>{status}</p></body></html>",
            title="Fournisseur d'identité de test",
            status=status,
        )
    )


urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("allauth.account.urls")),
    path("", include("allauth.idp.urls")),
]
