"""django-allauth's social-account adapter: who may come in through single sign-on, and how."""

import logging
import secrets

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..models import User
from .claims import email_domain_allowed, portal_claims, provider_name

logger = logging.getLogger("portal.sso")


def refuse(request, provider: str, reason: str, status: int = 403):
    """Stop the sign-in with a French page saying why; nothing is created or changed."""
    response = render(
        request, "socialaccount/sso_refused.html", {"reason": reason, "provider_name": provider}, status=status
    )
    raise ImmediateHttpResponse(response)


def nonce_matches(sociallogin) -> bool:
    """An OpenID Connect sign-in started by the portal must come back with the nonce it sent."""
    expected = sociallogin.state.get("nonce")
    if not expected:
        # SAML, or an OpenID Connect flow that did not go through PortalOpenIDConnectProvider.redirect.
        return True
    id_token = (sociallogin.account.extra_data or {}).get("id_token") or {}
    return bool(id_token.get("nonce")) and secrets.compare_digest(str(id_token["nonce"]), expected)


def refusal_reason(sociallogin) -> tuple[str, str] | None:
    """(what the log says, what the user reads) when this sign-in must be refused, else None."""
    if not nonce_matches(sociallogin):
        return "the ID token's nonce does not match this sign-in", _(
            "La réponse du fournisseur d'identité ne correspond pas à cette connexion."
        )
    email = portal_claims(sociallogin)["email"]
    if not email:
        return "no e-mail address in the assertion", _(
            "Votre fournisseur d'identité n'a pas transmis d'adresse e-mail."
        )
    if not email_domain_allowed(email):
        domain = email.rpartition("@")[2]
        return f"e-mail domain not allowed for {email}", _(
            "Les adresses du domaine « %(domain)s » ne peuvent pas se connecter à l'intranet."
        ) % {"domain": domain}
    user = sociallogin.user
    if not user.pk and User.objects.filter(email__iexact=email).exists():
        # allauth links an existing account only when the IdP vouches for the address.
        return f"unverified e-mail {email} belongs to an existing account", _(
            "Un compte de l'intranet utilise déjà l'adresse %(email)s, mais votre fournisseur d'identité "
            "ne l'a pas confirmée. Adressez-vous à un administrateur de l'intranet."
        ) % {"email": email}
    if user.pk and not user.is_active:
        return f"account {user.pk} is deactivated", _(
            "Votre compte est désactivé. Adressez-vous à un administrateur de l'intranet."
        )
    return None


class PortalSocialAccountAdapter(DefaultSocialAccountAdapter):
    """First sign-in creates the account; the IdP's allowed domains and the account's state are checked."""

    def is_open_for_signup(self, request, sociallogin):
        return True

    def pre_social_login(self, request, sociallogin):
        name = provider_name(sociallogin)
        reason = refusal_reason(sociallogin)
        if reason:
            logger.warning("SSO refused (%s): %s", name, reason[0])
            refuse(request, name, reason[1])

    def authenticate_by_email(self, sociallogin):
        # allauth compares addresses in lower case with those stored; an administrator may have typed
        # "Karim.Benali@…": match regardless of case, as the portal's sign-in form does.
        found = super().authenticate_by_email(sociallogin)
        if found:
            return found
        for address in sociallogin.email_addresses:
            if address.verified and self.can_authenticate_by_email(sociallogin, address.email):
                user = User.objects.filter(email__iexact=address.email).first()
                if user is not None:
                    return user, address.email
        return None

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        claims = portal_claims(sociallogin)
        user.email = claims["email"] or user.email
        user.first_name = claims["first_name"] or user.first_name
        user.last_name = claims["last_name"] or user.last_name
        return user

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        # The page says little (French, no detail an attacker could use); the log says what happened.
        details = dict(extra_context or {})
        details.pop("state", None)
        logger.warning(
            "SSO failed (%s): error=%s exception=%r details=%s",
            getattr(provider, "name", provider),
            error,
            exception,
            details,
        )
        super().on_authentication_error(request, provider, error, exception, extra_context)
