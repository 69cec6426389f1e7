"""The test SAML identity provider's staff: who can sign in, with which attributes, which responses are forged wrong.

Every attribute below except `username`, `password` and `misbehaviour` is sent in the assertion under that exact
name (basic name format); `groups` is multi-valued.

`misbehaviour` makes that user's SAML response deliberately invalid, otherwise normal:

- "expired": issued two hours ago, its Conditions and SubjectConfirmationData NotOnOrAfter lie in the past;
- "audience": the AudienceRestriction names another service provider (`WRONG_AUDIENCE`);
- "unsigned": neither the response nor the assertion is signed;
- "tampered": the assertion is signed, then its `mail` value is changed, so the signature no longer matches.
"""

IDP_PASSWORD = "idp-demo-2026"
IDP_DOMAIN = "ast62-59.fr"

WRONG_AUDIENCE = "urn:exemple:un-autre-service"
TAMPERED_MAIL = "direction@ast62-59.fr"

MISBEHAVIOURS = ("expired", "audience", "unsigned", "tampered")

# Attributes released to the service provider, in this order.
ATTRIBUTES = ("uid", "mail", "givenName", "sn", "metier", "site", "groups")


def _user(username: str, given_name: str, family_name: str, metier: str, site: str, **extra) -> dict:
    return {
        "username": username,
        "password": IDP_PASSWORD,
        "uid": username,
        "mail": f"{username}@{IDP_DOMAIN}",
        "givenName": given_name,
        "sn": family_name,
        "metier": metier,
        "site": site,
        "groups": ["GG-Tous"],
        **extra,
    }


USERS: list[dict] = [
    _user(
        "camille",
        "Camille",
        "Lefort",
        "Infirmier en santé au travail",
        "Arras",
        mail="camille.lefort@ast62-59.fr",
        groups=["GG-Intranet-Pilotes", "GG-Tous"],
    ),
    _user("karim", "Karim", "Benali", "Médecin du travail", "Lens", mail="karim.benali@ast62-59.fr"),
    # Outside the organisation's domain: the portal must refuse this address.
    _user("invite", "Inès", "Invitée", "Consultante externe", "Lille", mail="invite@exemple.com"),
    _user("perime", "Pierre", "Périmé", "Technicien hygiène sécurité", "Lens", misbehaviour="expired"),
    _user("audience", "Aude", "Audience", "Assistante de santé au travail", "Arras", misbehaviour="audience"),
    _user("nonsigne", "Noé", "Nonsigné", "Ergonome", "Lens", misbehaviour="unsigned"),
    _user("altere", "Alice", "Altéré", "Psychologue du travail", "Arras", misbehaviour="tampered"),
]


def find_user(username: str | None) -> dict | None:
    """The entry for this login name (case-insensitive), or None."""
    if not username:
        return None
    username = username.strip().lower()
    return next((user for user in USERS if user["username"] == username), None)


def authenticate(username: str | None, password: str | None) -> dict | None:
    """The user whose login name and password these are, or None."""
    user = find_user(username)
    if user is None or password != user["password"]:
        return None
    return user


def identity(user: dict) -> dict[str, list[str]]:
    """The attribute values pysaml2 puts in the assertion, every value as a list."""
    return {name: list(user[name]) if isinstance(user[name], list) else [user[name]] for name in ATTRIBUTES}
