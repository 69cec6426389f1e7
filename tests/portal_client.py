"""Speaking HTTP to a portal the suite serves with gunicorn on 127.0.0.1 (tests/servers.py): plain requests,
no redirect followed, sign-in and sign-out through the real forms, a form's CSRF token, cookies."""

import http.client
import re
import urllib.parse


def cookie_value(headers, name: str) -> str:
    """The value a response sets for this cookie."""
    for header in headers.get_all("Set-Cookie") or []:
        found = re.match(rf"\s*{name}=([^;]*)", header)
        if found:
            return found.group(1)
    raise AssertionError(f"no {name} cookie in {headers}")


def form_token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found, html[:1000]
    return found.group(1)


class PortalClient:
    """One portal (a gunicorn on 127.0.0.1:port), each request on a new connection."""

    def __init__(self, port: int):
        self.port = port

    def request(self, method, path, *, cookie="", body=None, headers=None, timeout=30.0):
        """(status, headers, text) of one request."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            all_headers = {"Accept": "text/html", **(headers or {})}
            if cookie:
                all_headers["Cookie"] = cookie
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def get(self, path, cookie="", **options):
        return self.request("GET", path, cookie=cookie, **options)

    def post_form(self, path, fields, cookie, **options):
        body = urllib.parse.urlencode(fields, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, cookie=cookie, body=body, headers=headers, **options)

    def sign_in(self, email: str, password: str) -> str:
        """The cookies (CSRF and session) of a real sign-in through the form."""
        status, headers, text = self.get("/comptes/connexion/")
        assert status == 200, text[:500]
        csrf = f"csrftoken={cookie_value(headers, 'csrftoken')}"
        fields = {"login": email, "password": password, "csrfmiddlewaretoken": form_token(text)}
        status, headers, text = self.post_form("/comptes/connexion/", fields, csrf)
        assert status == 302, f"sign-in answered {status}: {text[:1000]}"
        return f"{csrf}; sessionid={cookie_value(headers, 'sessionid')}"

    def token(self, cookie: str, path: str = "/") -> str:
        """A CSRF token for this browser's forms, read from a page holding one."""
        status, _, text = self.get(path, cookie=cookie)
        assert status == 200, f"{path}: {status}"
        return form_token(text)

    def sign_out(self, cookie: str) -> None:
        status, _, text = self.post_form(
            "/comptes/deconnexion/", {"csrfmiddlewaretoken": self.token(cookie, "/comptes/deconnexion/")}, cookie
        )
        assert status == 302, f"sign-out answered {status}: {text[:1000]}"
