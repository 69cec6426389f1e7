"""The SAML side of the test identity provider: pysaml2's `Server`, configured in code, and what the web pages ask it.

Requests are parsed and checked by pysaml2; responses are built by `create_authn_response` and signed by xmlsec1.
"""

import base64
import functools
import threading
from pathlib import Path

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, samlp
from saml2.attribute_converter import AttributeConverter
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import (
    AUTHN_PASSWORD_PROTECTED,
    NAME_FORMAT_BASIC,
    NAMEID_FORMAT_EMAILADDRESS,
    NAMEID_FORMAT_PERSISTENT,
    NameID,
)
from saml2.server import Server
from saml2.sigver import verify_redirect_signature
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from . import misbehaviour
from .users import ATTRIBUTES, identity

XMLSEC_BINARY = "/usr/bin/xmlsec1"
ASSERTION_LIFETIME = {"minutes": 10}
BINDINGS = {"redirect": BINDING_HTTP_REDIRECT, "post": BINDING_HTTP_POST}


class RequestRejected(Exception):
    """A SAML message this identity provider refuses; its text is shown on a 400 page."""


def attribute_converter() -> AttributeConverter:
    """Send the attributes under their own names, basic name format, as the service provider reads them back."""
    converter = AttributeConverter(NAME_FORMAT_BASIC)
    converter.from_dict(
        {
            "identifier": NAME_FORMAT_BASIC,
            "fro": {name: name for name in ATTRIBUTES},
            "to": {name: name for name in ATTRIBUTES},
        }
    )
    return converter


def build_config(base_url: str, key_file: Path, cert_file: Path, sp_metadata_files: list[Path]) -> IdPConfig:
    """pysaml2's configuration of an identity provider served at `base_url`."""
    config = IdPConfig()
    config.load(
        {
            "entityid": f"{base_url}/metadata/",
            "name": "Fournisseur d'identité SAML de test",
            "service": {
                "idp": {
                    "name": "Fournisseur d'identité SAML de test",
                    "endpoints": {
                        "single_sign_on_service": [
                            (f"{base_url}/sso/", BINDING_HTTP_REDIRECT),
                            (f"{base_url}/sso/", BINDING_HTTP_POST),
                        ],
                        "single_logout_service": [(f"{base_url}/slo/", BINDING_HTTP_REDIRECT)],
                    },
                    "name_id_format": [NAMEID_FORMAT_PERSISTENT, NAMEID_FORMAT_EMAILADDRESS],
                    # Signed requests are checked whenever they carry a signature (see `_check_signature`).
                    "want_authn_requests_signed": False,
                    "sign_response": True,
                    "sign_assertion": True,
                    "policy": {
                        "default": {
                            "lifetime": ASSERTION_LIFETIME,
                            "name_form": NAME_FORMAT_BASIC,
                            "attribute_restrictions": None,
                            "fail_on_missing_requested": False,
                        }
                    },
                }
            },
            "key_file": str(key_file),
            "cert_file": str(cert_file),
            "xmlsec_binary": XMLSEC_BINARY,
            "metadata": {"local": [str(path) for path in sp_metadata_files]},
            "signing_algorithm": SIG_RSA_SHA256,
            "digest_algorithm": DIGEST_SHA256,
            "accepted_time_diff": 60,
            "delete_tmpfiles": True,
        }
    )
    # Replaces pysaml2's stock maps, which would rename `mail` to an OID or a `urn:mace:` name.
    config.attribute_converters = [attribute_converter()]
    return config


class SAMLIdentityProvider:
    """pysaml2's `Server` for one base URL, with the few operations the web pages need."""

    def __init__(self, base_url: str, key_file: Path, cert_file: Path, sp_metadata_files: list[Path]):
        self.base_url = base_url.rstrip("/")
        self.entity_id = f"{self.base_url}/metadata/"
        self.config = build_config(self.base_url, key_file, cert_file, sp_metadata_files)
        self.server = Server(config=self.config)
        # pysaml2 keeps shared state (signers, temporary files); the pages are served from several threads.
        self._lock = threading.Lock()

    @functools.cached_property
    def metadata_xml(self) -> bytes:
        """The IdP's metadata; built once, as pysaml2 asks xmlsec1 which algorithms it supports each time."""
        with self._lock:
            xml = create_metadata_string(None, config=self.config, sign=False)
        return xml if isinstance(xml, bytes) else xml.encode()

    # Single sign-on

    def parse_authn_request(self, binding: str, fields: dict[str, str]):
        """The checked AuthnRequest in `fields` (SAMLRequest, RelayState, SigAlg, Signature) sent with `binding`."""
        saml_binding = BINDINGS.get(binding)
        if saml_binding is None or not fields.get("SAMLRequest"):
            raise RequestRejected("Requête SAML absente ou liaison inconnue.")
        with self._lock:
            try:
                parsed = self.server.parse_authn_request(fields["SAMLRequest"], saml_binding)
            except Exception as exc:
                raise RequestRejected(f"AuthnRequest refusée : {exc}") from exc
        if parsed is None or parsed.message is None:
            raise RequestRejected("AuthnRequest refusée.")
        sp_entity_id = self._known_sender(parsed.message)
        required = self._sp_signs_authn_requests(sp_entity_id)
        if saml_binding == BINDING_HTTP_REDIRECT:
            self._check_redirect_signature(sp_entity_id, "SAMLRequest", fields, required=required)
        elif required and parsed.message.signature is None:
            # With the POST binding pysaml2 has already checked a signature that is there.
            raise RequestRejected(
                "AuthnRequest non signée alors que les métadonnées du fournisseur de service l'exigent."
            )
        return parsed

    def login_response(self, parsed, user: dict) -> tuple[str, str]:
        """The assertion consumer service URL and the base64 SAMLResponse that signs `user` in there."""
        message = parsed.message
        with self._lock:
            try:
                args = self.server.response_args(message, [BINDING_HTTP_POST])
            except Exception as exc:
                raise RequestRejected(f"Adresse de retour (ACS) inconnue : {exc}") from exc
            build = {
                "identity": identity(user),
                "in_response_to": args["in_response_to"],
                "destination": args["destination"],
                "sp_entity_id": args["sp_entity_id"],
                "name_id": self._name_id(user, args["sp_entity_id"], message.name_id_policy),
                "authn": {"class_ref": AUTHN_PASSWORD_PROTECTED, "authn_auth": self.entity_id},
                "sign_alg": SIG_RSA_SHA256,
                "digest_alg": DIGEST_SHA256,
            }
            xml = misbehaviour.build_response(self.server, build, user.get("misbehaviour"))
        return args["destination"], base64.b64encode(xml.encode()).decode("ascii")

    def passive_failure(self, parsed) -> tuple[str, str]:
        """The answer to an IsPassive request when nobody is signed in here: status NoPassive."""
        with self._lock:
            args = self.server.response_args(parsed.message, [BINDING_HTTP_POST])
            response = self.server.create_error_response(
                args["in_response_to"],
                args["destination"],
                (samlp.STATUS_NO_PASSIVE, "Aucune session ouverte sur le fournisseur d'identité."),
                sign=True,
                sign_alg=SIG_RSA_SHA256,
                digest_alg=DIGEST_SHA256,
            )
        return args["destination"], base64.b64encode(str(response).encode()).decode("ascii")

    def _name_id(self, user: dict, sp_entity_id: str, policy) -> NameID:
        if policy is not None and policy.format == NAMEID_FORMAT_EMAILADDRESS:
            return NameID(format=NAMEID_FORMAT_EMAILADDRESS, text=user["mail"])
        return NameID(
            format=NAMEID_FORMAT_PERSISTENT,
            name_qualifier=self.entity_id,
            sp_name_qualifier=sp_entity_id,
            text=user["uid"],
        )

    # Single logout

    def parse_logout_request(self, fields: dict[str, str]):
        """The checked LogoutRequest in `fields`, received with the HTTP-Redirect binding."""
        if not fields.get("SAMLRequest"):
            raise RequestRejected("LogoutRequest absente.")
        with self._lock:
            try:
                parsed = self.server.parse_logout_request(fields["SAMLRequest"], BINDING_HTTP_REDIRECT)
            except Exception as exc:
                raise RequestRejected(f"LogoutRequest refusée : {exc}") from exc
        if parsed is None or parsed.message is None:
            raise RequestRejected("LogoutRequest refusée.")
        sp_entity_id = self._known_sender(parsed.message)
        self._check_redirect_signature(sp_entity_id, "SAMLRequest", fields, required=False)
        return parsed

    def logout_redirect(self, parsed, relay_state: str | None) -> str:
        """Where to send the browser: the SP's SingleLogoutService with a signed LogoutResponse."""
        with self._lock:
            try:
                response = self.server.create_logout_response(parsed.message, [BINDING_HTTP_REDIRECT], sign=False)
            except Exception as exc:
                raise RequestRejected(f"Le fournisseur de service n'a pas de SingleLogoutService : {exc}") from exc
            # Always signed: python3-saml checks a redirect signature whenever there is one.
            http = self.server.apply_binding(
                BINDING_HTTP_REDIRECT,
                str(response),
                response.destination,
                relay_state or "",
                response=True,
                sign=True,
                sigalg=SIG_RSA_SHA256,
            )
        return dict(http["headers"])["Location"]

    # Checks

    def _known_sender(self, message) -> str:
        issuer = message.issuer.text.strip() if message.issuer is not None and message.issuer.text else ""
        try:
            self.server.metadata[issuer]
        except KeyError:
            raise RequestRejected(f"Fournisseur de service inconnu : {issuer or '(sans Issuer)'}.") from None
        return issuer

    def _sp_signs_authn_requests(self, sp_entity_id: str) -> bool:
        descriptors = self.server.metadata[sp_entity_id].get("spsso_descriptor", [])
        return any(str(d.get("authn_requests_signed", "")).lower() in ("true", "1") for d in descriptors)

    def _check_redirect_signature(self, sp_entity_id: str, kind: str, fields: dict[str, str], *, required: bool):
        if not fields.get("Signature"):
            if required:
                raise RequestRejected(
                    "Requête non signée alors que les métadonnées du fournisseur de service l'exigent."
                )
            return
        certs = self.server.metadata.certs(sp_entity_id, "spsso", "signing")
        if not certs:
            # Nothing to check it against: the SP's metadata publishes no signing certificate.
            return
        if not fields.get("SigAlg"):
            raise RequestRejected("Signature sans SigAlg.")
        message = {name: fields[name] for name in (kind, "RelayState", "SigAlg", "Signature") if name in fields}
        try:
            verified = any(verify_redirect_signature(message, self.server.sec.sec_backend, cert) for _, cert in certs)
        except Exception:
            verified = False
        if not verified:
            raise RequestRejected("Signature de la requête invalide.")
