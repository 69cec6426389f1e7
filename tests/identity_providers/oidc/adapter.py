"""Adapters of the test identity provider: the staff's claims, the forged ID tokens, no self sign-up."""

import secrets
import time
from collections.abc import Iterable
from typing import Any, Literal

from allauth.account.adapter import DefaultAccountAdapter
from allauth.idp.oidc.adapter import DefaultOIDCAdapter

from .users import WRONG_AUDIENCE, WRONG_ISSUER, find_user

EXTRA_SCOPES = ("groups",)
CLAIMS = ("sub", "name", "given_name", "family_name", "email", "email_verified", "groups", "metier", "site")


class ClosedSignupAccountAdapter(DefaultAccountAdapter):
    """Only the staff created by the launcher can sign in."""

    def is_open_for_signup(self, request) -> bool:
        return False


class IdentityProviderAdapter(DefaultOIDCAdapter):
    scope_display = {**DefaultOIDCAdapter.scope_display, "groups": "Voir vos groupes"}

    def get_claims(
        self,
        purpose: Literal["id_token", "userinfo"],
        user,
        client,
        scopes: Iterable[str],
        email: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        claims = super().get_claims(purpose, user, client, scopes, email=email, **kwargs)
        entry = find_user(user.email)
        if entry:
            # Whatever the scopes: the portal needs these to provision the account.
            claims.update(
                {
                    "name": f"{entry['given_name']} {entry['family_name']}",
                    "given_name": entry["given_name"],
                    "family_name": entry["family_name"],
                    "email": entry["email"],
                    "email_verified": True,
                    "groups": list(entry["groups"]),
                    "metier": entry["metier"],
                    "site": entry["site"],
                }
            )
        return claims

    def populate_id_token(self, id_token: dict[str, Any], client, scopes: Iterable[str], **kwargs: Any) -> None:
        user = self.get_user_by_sub(client, id_token["sub"])
        entry = find_user(user.email) if user else None
        misbehaviour = entry.get("misbehaviour") if entry else None
        if misbehaviour == "audience":
            id_token["aud"] = WRONG_AUDIENCE
        elif misbehaviour == "issuer":
            id_token["iss"] = WRONG_ISSUER
        elif misbehaviour == "nonce" and id_token.get("nonce"):
            id_token["nonce"] = f"{id_token['nonce']}-{secrets.token_urlsafe(8)}"
        elif misbehaviour == "expired":
            lifetime = id_token["exp"] - id_token["iat"]
            id_token["iat"] = int(time.time()) - 3600
            id_token["exp"] = id_token["iat"] + lifetime

    def populate_server_metadata(self, data: dict) -> None:
        data["scopes_supported"] = [*data["scopes_supported"], *EXTRA_SCOPES]
        data["claims_supported"] = list(CLAIMS)
