"""The portal's SAML service-provider metadata, which the IdP's administrators register."""

from allauth.socialaccount.providers.saml.utils import build_saml_config, get_app_or_404
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from onelogin.saml2.settings import OneLogin_Saml2_Settings


@login_not_required
@require_GET
def saml_metadata(request, organization_slug):
    """Like allauth's metadata view, without fetching the IdP's metadata first.

    The service provider's description (entity id, ACS and SLS addresses, certificate) does not
    depend on the IdP, and the IdP's administrators need it before they can publish theirs.
    """
    app = get_app_or_404(request, organization_slug)
    idp = app.settings["idp"]
    sp_only = {**app.settings, "idp": {"entity_id": idp["entity_id"], "x509cert": "", "sso_url": ""}}
    config = build_saml_config(request, sp_only, organization_slug)
    metadata = OneLogin_Saml2_Settings(settings=config, sp_validation_only=True).get_sp_metadata()
    return HttpResponse(metadata, content_type="application/samlmetadata+xml")
