"""A real OpenID Connect identity provider (django-allauth's allauth.idp.oidc) for the portal's SSO tests.

    with start_oidc_idp(redirect_uris=[callback_url]) as idp:
        idp.discovery_url  # http://127.0.0.1:<port>/.well-known/openid-configuration

The provider runs in its own process (its own Django settings and SQLite file), see server.py.
Importing this package does not import Django.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..process import IdentityProviderError, run_until_ready
from .users import IDP_DOMAIN, IDP_PASSWORD, MISBEHAVIOURS, USERS, WRONG_AUDIENCE, WRONG_ISSUER, find_user

__all__ = [
    "IDP_DOMAIN",
    "IDP_PASSWORD",
    "MISBEHAVIOURS",
    "USERS",
    "WRONG_AUDIENCE",
    "WRONG_ISSUER",
    "IdentityProviderError",
    "RunningOIDCProvider",
    "find_user",
    "start_oidc_idp",
]

SETTINGS_MODULE = "tests.identity_providers.oidc.settings"
DEFAULT_CLIENT_SECRET = "intranet-secret-de-test"
START_TIMEOUT = 60.0


@dataclass(frozen=True)
class RunningOIDCProvider:
    issuer: str
    discovery_url: str
    client_id: str
    client_secret: str
    users: list[dict]
    # The provider's stderr (warnings, request errors with tracebacks), handy when a test fails.
    log_path: Path | None = field(default=None, compare=False)

    def read_log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path else ""


@contextmanager
def start_oidc_idp(
    *,
    redirect_uris: Iterable[str],
    post_logout_redirect_uris: Iterable[str] = (),
    client_id: str = "intranet",
    client_secret: str = DEFAULT_CLIENT_SECRET,
    timeout: float = START_TIMEOUT,
) -> Iterator[RunningOIDCProvider]:
    """Start the identity provider with one confidential client, yield where it runs, stop it on exit."""
    redirect_uris = list(redirect_uris)
    if not redirect_uris:
        raise ValueError("start_oidc_idp() needs at least one redirect URI")
    args = ["--client-id", client_id, "--client-secret", client_secret]
    for uri in redirect_uris:
        args += ["--redirect-uri", uri]
    for uri in post_logout_redirect_uris:
        args += ["--post-logout-redirect-uri", uri]
    env = {"DJANGO_SETTINGS_MODULE": SETTINGS_MODULE}
    with run_until_ready("tests.identity_providers.oidc.server", args, timeout=timeout, env=env) as process:
        yield RunningOIDCProvider(
            issuer=process.base_url,
            discovery_url=f"{process.base_url}/.well-known/openid-configuration",
            client_id=client_id,
            client_secret=client_secret,
            users=[dict(user) for user in USERS],
            log_path=process.log_path,
        )
