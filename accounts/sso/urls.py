"""Single sign-on addresses the portal serves itself, ahead of allauth's (first match wins)."""

from django.urls import path

from . import views

urlpatterns = [
    # The SAML metadata is served even while the IdP's own cannot be fetched.
    path("saml/<str:organization_slug>/metadata/", views.saml_metadata, name="saml_metadata"),
]
