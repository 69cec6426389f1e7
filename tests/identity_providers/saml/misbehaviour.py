"""How each user's SAML Response is built: normal, or deliberately wrong in one way (see `users.MISBEHAVIOURS`)."""

import datetime

from lxml import etree
from saml2 import class_name
from saml2.server import Server
from saml2.sigver import pre_signature_part

from .users import TAMPERED_MAIL, WRONG_AUDIENCE

SAML_NS = {"saml": "urn:oasis:names:tc:SAML:2.0:assertion"}
EXPIRED_AGE = datetime.timedelta(hours=2)
EXPIRED_LIFETIME = datetime.timedelta(minutes=5)


def build_response(server: Server, build: dict, misbehaviour: str | None) -> str:
    """The Response XML that `server.create_authn_response(**build)` gives, spoilt as `misbehaviour` says."""
    if misbehaviour in (None, "tampered"):
        xml = _text(server.create_authn_response(**build, sign_response=True, sign_assertion=True))
        return _tamper(xml) if misbehaviour == "tampered" else xml

    response = server.create_authn_response(**build, sign_response=False, sign_assertion=False)
    if isinstance(response, str | bytes):
        raise RuntimeError("pysaml2 returned an error response: " + _text(response)[:200])
    assertion = _assertion(response)
    if misbehaviour == "unsigned":
        return _text(response)
    if misbehaviour == "expired":
        _age(response, assertion)
    elif misbehaviour == "audience":
        for restriction in assertion.conditions.audience_restriction:
            for audience in restriction.audience:
                audience.text = WRONG_AUDIENCE
    else:
        raise ValueError(f"Unknown misbehaviour: {misbehaviour}")
    # Signed after the change, exactly as a normal response: only the changed element is wrong.
    assertion.signature = pre_signature_part(
        assertion.id, server.sec.my_cert, 2, sign_alg=build["sign_alg"], digest_alg=build["digest_alg"]
    )
    signed = server.sign(
        response,
        to_sign=[(class_name(assertion), assertion.id)],
        sign_alg=build["sign_alg"],
        digest_alg=build["digest_alg"],
    )
    return _text(signed)


def _assertion(response):
    assertion = response.assertion
    return assertion[0] if isinstance(assertion, list) else assertion


def _age(response, assertion) -> None:
    """Move every timestamp back so the assertion was issued two hours ago and expired soon after."""
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    issued = _instant(now - EXPIRED_AGE)
    expires = _instant(now - EXPIRED_AGE + EXPIRED_LIFETIME)
    response.issue_instant = issued
    assertion.issue_instant = issued
    assertion.conditions.not_before = issued
    assertion.conditions.not_on_or_after = expires
    for confirmation in assertion.subject.subject_confirmation:
        if confirmation.subject_confirmation_data is not None:
            confirmation.subject_confirmation_data.not_on_or_after = expires
    for statement in assertion.authn_statement:
        statement.authn_instant = issued
        if statement.session_not_on_or_after:
            statement.session_not_on_or_after = expires


def _tamper(xml: str) -> str:
    """Change the signed assertion's `mail` value, leaving its signature as it was."""
    root = etree.fromstring(xml.encode())
    values = root.xpath("//saml:Attribute[@Name='mail']/saml:AttributeValue", namespaces=SAML_NS)
    if not values:
        raise RuntimeError("No mail attribute to tamper with")
    for value in values:
        value.text = TAMPERED_MAIL
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode()


def _instant(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(xml) -> str:
    return xml.decode() if isinstance(xml, bytes) else str(xml)
