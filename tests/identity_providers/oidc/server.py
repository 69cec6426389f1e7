"""Launcher of the test OpenID Connect identity provider.

    python -m tests.identity_providers.oidc.server --client-id ID --client-secret SECRET \\
        --redirect-uri URI [--redirect-uri URI ...] [--post-logout-redirect-uri URI ...]

Builds a fresh SQLite database with the staff of users.py and one confidential client, serves on 127.0.0.1 on a
port chosen by the system, prints "READY http://127.0.0.1:<port>" on stdout, and serves until SIGTERM or SIGINT.
"""

import argparse
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

SETTINGS_MODULE = "tests.identity_providers.oidc.settings"
STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}
SCOPES = ["openid", "profile", "email", "groups"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--client-name", default="Intranet")
    parser.add_argument("--redirect-uri", action="append", required=True, dest="redirect_uris")
    parser.add_argument("--post-logout-redirect-uri", action="append", default=[], dest="post_logout_redirect_uris")
    return parser.parse_args(argv)


def write_private_key(path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
    path.write_bytes(pem)
    path.chmod(0o600)


def configure(workdir: Path) -> None:
    key_file = workdir / "private_key.pem"
    write_private_key(key_file)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    os.environ["IDP_TEST_DATABASE"] = str(workdir / "idp.sqlite3")
    os.environ["IDP_TEST_PRIVATE_KEY_FILE"] = str(key_file)
    os.environ["IDP_TEST_SECRET_KEY"] = secrets.token_urlsafe(50)


def populate(args: argparse.Namespace) -> None:
    from allauth.account.models import EmailAddress
    from allauth.idp.oidc.models import Client
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from .users import USERS

    call_command("migrate", verbosity=0, interactive=False)
    user_model = get_user_model()
    for entry in USERS:
        user = user_model.objects.create_user(
            username=entry["email"],
            email=entry["email"],
            password=entry["password"],
            first_name=entry["given_name"],
            last_name=entry["family_name"],
        )
        EmailAddress.objects.create(user=user, email=entry["email"], primary=True, verified=True)

    client = Client(id=args.client_id, name=args.client_name, type=Client.Type.CONFIDENTIAL, skip_consent=True)
    client.set_secret(args.client_secret)
    client.set_grant_types([Client.GrantType.AUTHORIZATION_CODE])
    client.set_response_types([Client.ResponseType.CODE])
    client.set_scopes(SCOPES)
    client.set_default_scopes(["openid", "profile", "email"])
    client.set_redirect_uris(args.redirect_uris)
    if args.post_logout_redirect_uris:
        client.set_post_logout_redirect_uris(args.post_logout_redirect_uris)
    client.full_clean()
    client.save()


def make_server():
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler, get_internal_wsgi_application

    httpd = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler, allow_reuse_address=False)
    httpd.set_app(get_internal_wsgi_application())
    return httpd


def wait_for_stop() -> None:
    """Block until SIGTERM/SIGINT, or until the parent process is gone (e.g. a killed test run)."""
    parent = os.getppid()
    while signal.sigtimedwait(STOP_SIGNALS, 1.0) is None:
        if os.getppid() != parent:
            return


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Blocked before any thread starts, so that every thread inherits the mask and wait_for_stop() receives them.
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    workdir = Path(tempfile.mkdtemp(prefix="oidc-idp-"))
    httpd = None
    try:
        configure(workdir)
        import django

        django.setup()
        populate(args)
        httpd = make_server()
        # A short poll interval keeps shutdown() quick.
        thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="oidc-idp", daemon=True
        )
        thread.start()
        print(f"READY http://127.0.0.1:{httpd.server_address[1]}", flush=True)
        wait_for_stop()
    finally:
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
