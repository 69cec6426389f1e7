"""The test identity provider's staff: who can sign in, with which claims, and which ID tokens are forged wrong.

`misbehaviour` makes the ID token of that user deliberately invalid (still signed by the IdP's key):

- "audience": `aud` names another client;
- "issuer": `iss` names another issuer;
- "nonce": `nonce` differs from the one the client sent (only when the client sent one);
- "expired": `iat` and `exp` lie an hour in the past.
"""

IDP_PASSWORD = "idp-demo-2026"
IDP_DOMAIN = "ast62-59.fr"

WRONG_AUDIENCE = "une-autre-application"
WRONG_ISSUER = "http://idp.invalid"

USERS: list[dict] = [
    {
        "email": "camille.lefort@ast62-59.fr",
        "password": IDP_PASSWORD,
        "given_name": "Camille",
        "family_name": "Lefort",
        "groups": ["GG-Intranet-Pilotes", "GG-Tous"],
        "metier": "Infirmier en santé au travail",
        "site": "Arras",
    },
    {
        "email": "karim.benali@ast62-59.fr",
        "password": IDP_PASSWORD,
        "given_name": "Karim",
        "family_name": "Benali",
        "groups": ["GG-Tous"],
        "metier": "Médecin du travail",
        "site": "Lens",
    },
    {
        # Outside the organisation's domain: the portal must refuse this address.
        "email": "invite@exemple.com",
        "password": IDP_PASSWORD,
        "given_name": "Inès",
        "family_name": "Invitée",
        "groups": ["GG-Tous"],
        "metier": "Consultante externe",
        "site": "Lille",
    },
    {
        "email": "audience@ast62-59.fr",
        "password": IDP_PASSWORD,
        "given_name": "Aude",
        "family_name": "Audience",
        "groups": ["GG-Tous"],
        "metier": "Assistante de santé au travail",
        "site": "Arras",
        "misbehaviour": "audience",
    },
    {
        "email": "emetteur@ast62-59.fr",
        "password": IDP_PASSWORD,
        "given_name": "Émile",
        "family_name": "Émetteur",
        "groups": ["GG-Tous"],
        "metier": "Ergonome",
        "site": "Lens",
        "misbehaviour": "issuer",
    },
    {
        "email": "nonce@ast62-59.fr",
        "password": IDP_PASSWORD,
        "given_name": "Noémie",
        "family_name": "Nonce",
        "groups": ["GG-Tous"],
        "metier": "Psychologue du travail",
        "site": "Arras",
        "misbehaviour": "nonce",
    },
    {
        "email": "expire@ast62-59.fr",
        "password": IDP_PASSWORD,
        "given_name": "Maxime",
        "family_name": "Expiré",
        "groups": ["GG-Tous"],
        "metier": "Technicien hygiène sécurité",
        "site": "Lens",
        "misbehaviour": "expired",
    },
]

MISBEHAVIOURS = ("audience", "issuer", "nonce", "expired")


def find_user(email: str | None) -> dict | None:
    """The entry for this address (case-insensitive), or None."""
    if not email:
        return None
    email = email.lower()
    return next((user for user in USERS if user["email"] == email), None)
