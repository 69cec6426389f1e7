"""A real SAML 2.0 identity provider for the single sign-on tests: a WSGI application and its launcher.

    python -m tests.identity_providers.saml.server --sp-metadata FILE [--sp-metadata FILE ...]

The launcher signs with a fresh key, listens on 127.0.0.1 on a port the system chooses, prints one line
`READY http://127.0.0.1:<port>` and serves until SIGTERM or SIGINT.
"""

import argparse
import http.cookies
import logging
import secrets
import signal
import socketserver
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from . import pages
from .idp import RequestRejected, SAMLIdentityProvider
from .keys import write_signing_pair
from .users import authenticate, find_user

SESSION_COOKIE = "saml_idp_session"
LOGIN_PATH = "/sso/login/"
# What the login form carries through its POST back here.
REQUEST_FIELDS = ("SAMLRequest", "RelayState", "SigAlg", "Signature")
MAX_BODY = 1024 * 1024


class IdentityProviderApp:
    """WSGI application: /metadata/, /sso/ (Redirect and POST bindings), /sso/login/ and /slo/."""

    def __init__(self, idp: SAMLIdentityProvider):
        self.idp = idp
        self._sessions: dict[str, str] = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        try:
            status, headers, body = self.dispatch(environ)
        except RequestRejected as exc:
            status, headers, body = _html("400 Bad Request", pages.message_page("Requête refusée", str(exc)))
        except Exception:
            traceback.print_exc(file=sys.stderr)
            status, headers, body = _html(
                "500 Internal Server Error",
                pages.message_page(
                    "Erreur", "Erreur interne du fournisseur d'identité (détails sur sa sortie d'erreur)."
                ),
            )
        start_response(status, headers)
        return [body]

    def dispatch(self, environ):
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO") or "/"
        if path == "/metadata/" and method == "GET":
            return "200 OK", [("Content-Type", "application/samlmetadata+xml")], self.idp.metadata_xml
        if path == "/sso/" and method == "GET":
            return self.single_sign_on(environ, "redirect", _query(environ))
        if path == "/sso/" and method == "POST":
            return self.single_sign_on(environ, "post", _form(environ))
        if path == LOGIN_PATH and method == "POST":
            return self.login(environ, _form(environ))
        if path == "/slo/" and method == "GET":
            return self.single_logout(environ, _query(environ))
        if path == "/" and method == "GET":
            return _html("200 OK", pages.message_page(pages.TITLE, f"Métadonnées : {self.idp.entity_id}"))
        return _html("404 Not Found", pages.message_page("Page introuvable", path))

    def single_sign_on(self, environ, binding: str, fields: dict[str, str]):
        parsed = self.idp.parse_authn_request(binding, fields)
        user = self._session_user(environ)
        if user is not None and parsed.message.force_authn not in ("true", "1"):
            return self._answer(parsed, user, fields.get("RelayState"))
        if parsed.message.is_passive in ("true", "1"):
            acs_url, saml_response = self.idp.passive_failure(parsed)
            return _html("200 OK", pages.post_form_page(acs_url, _saml_fields(saml_response, fields.get("RelayState"))))
        return _html("200 OK", self._login_page(binding, fields))

    def login(self, environ, form: dict[str, str]):
        binding = form.get("binding", "")
        fields = {name: form[name] for name in REQUEST_FIELDS if name in form}
        # Checked again: the hidden fields came back through the browser.
        parsed = self.idp.parse_authn_request(binding, fields)
        user = authenticate(form.get("username"), form.get("password"))
        if user is None:
            page = self._login_page(
                binding, fields, username=form.get("username", ""), error="Identifiant ou mot de passe incorrect."
            )
            return _html("200 OK", page)
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[token] = user["username"]
        status, headers, body = self._answer(parsed, user, fields.get("RelayState"))
        headers.append(("Set-Cookie", f"{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax"))
        return status, headers, body

    def single_logout(self, environ, fields: dict[str, str]):
        token = _cookie(environ, SESSION_COOKIE)
        clear = ("Set-Cookie", f"{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
        if not fields.get("SAMLRequest"):
            self._forget(token)
            status, headers, body = _html("200 OK", pages.message_page("Déconnexion", "Vous êtes déconnecté."))
            return status, [*headers, clear], body
        parsed = self.idp.parse_logout_request(fields)
        location = self.idp.logout_redirect(parsed, fields.get("RelayState"))
        self._forget(token)
        return "302 Found", [("Location", location), ("Cache-Control", "no-store"), clear], b""

    def _answer(self, parsed, user: dict, relay_state: str | None):
        acs_url, saml_response = self.idp.login_response(parsed, user)
        return _html("200 OK", pages.post_form_page(acs_url, _saml_fields(saml_response, relay_state)))

    def _login_page(self, binding: str, fields: dict[str, str], **kwargs) -> str:
        hidden = {"binding": binding, **{name: fields[name] for name in REQUEST_FIELDS if name in fields}}
        return pages.login_page(LOGIN_PATH, hidden, **kwargs)

    def _session_user(self, environ) -> dict | None:
        token = _cookie(environ, SESSION_COOKIE)
        with self._lock:
            username = self._sessions.get(token) if token else None
        return find_user(username)

    def _forget(self, token: str | None) -> None:
        if token:
            with self._lock:
                self._sessions.pop(token, None)


def _saml_fields(saml_response: str, relay_state: str | None) -> dict[str, str]:
    return {"SAMLResponse": saml_response, "RelayState": relay_state}


def _html(status: str, page: str):
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
    return status, headers, page.encode()


def _single_values(parsed: dict[str, list[str]]) -> dict[str, str]:
    return {name: values[0] for name, values in parsed.items()}


def _query(environ) -> dict[str, str]:
    return _single_values(parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True))


def _form(environ) -> dict[str, str]:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        raise RequestRejected("Requête trop volumineuse.")
    body = environ["wsgi.input"].read(length) if length else b""
    return _single_values(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))


def _cookie(environ, name: str) -> str | None:
    cookies = http.cookies.SimpleCookie()
    try:
        cookies.load(environ.get("HTTP_COOKIE", ""))
    except http.cookies.CookieError:
        return None
    morsel = cookies.get(name)
    return morsel.value if morsel else None


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    verbose = False

    def log_message(self, format, *args):
        if self.verbose:
            super().log_message(format, *args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sp-metadata", action="append", required=True, type=Path, metavar="FILE")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: a free port chosen by the system")
    parser.add_argument("--verbose", action="store_true", help="log every request on stderr")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    QuietHandler.verbose = args.verbose
    for path in args.sp_metadata:
        if not path.is_file():
            parser.error(f"no such metadata file: {path}")

    with tempfile.TemporaryDirectory(prefix="saml-idp-") as work_dir:
        # Bound first: the entity id and every endpoint contain the port.
        httpd = make_server(args.host, args.port, None, server_class=ThreadingWSGIServer, handler_class=QuietHandler)

        def stop(signum, frame):
            # shutdown() waits for serve_forever(), which runs in this very thread.
            threading.Thread(target=httpd.shutdown, daemon=True).start()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            key_file, cert_file = write_signing_pair(Path(work_dir))
            base_url = f"http://{args.host}:{httpd.server_address[1]}"
            idp = SAMLIdentityProvider(base_url, key_file, cert_file, args.sp_metadata)
            httpd.set_app(IdentityProviderApp(idp))
            print(f"READY {base_url}", flush=True)
            httpd.serve_forever(poll_interval=0.2)
        finally:
            httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
