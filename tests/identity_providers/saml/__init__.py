"""A real SAML 2.0 identity provider (pysaml2) for the single sign-on tests, started in a subprocess.

    with start_saml_idp(sp_metadata=requests.get(f"{live_server.url}/comptes/saml/ast/metadata/").text) as idp:
        ...  # idp.entity_id, idp.metadata_url, idp.sso_url, idp.slo_url, idp.users

See `users.py` for who can sign in and whose responses are deliberately wrong.
"""

import copy
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..process import IdentityProviderError, run_until_ready
from .users import IDP_PASSWORD, MISBEHAVIOURS, TAMPERED_MAIL, USERS, WRONG_AUDIENCE, find_user

__all__ = [
    "IDP_PASSWORD",
    "MISBEHAVIOURS",
    "TAMPERED_MAIL",
    "USERS",
    "WRONG_AUDIENCE",
    "RunningSAMLProvider",
    "IdentityProviderError",
    "find_user",
    "start_saml_idp",
]

START_TIMEOUT = 30.0


@dataclass(frozen=True)
class RunningSAMLProvider:
    base_url: str
    entity_id: str
    metadata_url: str
    sso_url: str
    slo_url: str
    users: list[dict] = field(repr=False)

    def user(self, username: str) -> dict:
        """The entry for `username`; KeyError if there is none."""
        user = find_user(username)
        if user is None:
            raise KeyError(username)
        return user


@contextmanager
def start_saml_idp(*, sp_metadata: list[str] | str, timeout: float = START_TIMEOUT) -> Iterator[RunningSAMLProvider]:
    """Run the identity provider, trusting the service providers whose metadata XML is given, until the block ends."""
    documents = [sp_metadata] if isinstance(sp_metadata, str | bytes) else list(sp_metadata)
    if not documents:
        raise ValueError("sp_metadata: give at least one service provider's metadata")
    with tempfile.TemporaryDirectory(prefix="saml-idp-sp-") as work_dir:
        args = []
        for index, document in enumerate(documents):
            path = Path(work_dir) / f"sp-{index}.xml"
            path.write_bytes(document if isinstance(document, bytes) else document.encode())
            args += ["--sp-metadata", str(path)]
        with run_until_ready("tests.identity_providers.saml.server", args, timeout=timeout) as process:
            base_url = process.base_url
            yield RunningSAMLProvider(
                base_url=base_url,
                entity_id=f"{base_url}/metadata/",
                metadata_url=f"{base_url}/metadata/",
                sso_url=f"{base_url}/sso/",
                slo_url=f"{base_url}/slo/",
                users=copy.deepcopy(USERS),
            )
