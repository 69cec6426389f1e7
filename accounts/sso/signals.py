"""What happens at every sign-in through an identity provider."""

from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from .claims import portal_claims
from .logout import remember_identity_provider
from .provisioning import apply_identity


@receiver(user_logged_in)
def follow_identity_provider(sender, request, user, sociallogin=None, **kwargs):
    """Refresh names, métier, site and roles from the IdP; remember the IdP for sign-out."""
    if sociallogin is None:
        return
    apply_identity(user, portal_claims(sociallogin))
    remember_identity_provider(request, sociallogin)
