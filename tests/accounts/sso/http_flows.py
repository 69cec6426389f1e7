"""Single sign-on flows driven over real HTTP with `requests`, the way a browser without JavaScript would.

Faster than Chromium for the many refusal cases; the whole flow in a real browser is in test_browser_flows.py.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
import requests

from tests.identity_providers.fixtures import OIDC_ID, SAML_ID
from tests.utils import page_text

TIMEOUT = 20


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str]


def find_form(response: requests.Response, *, containing: str | None = None, action_contains: str = "") -> Form:
    """The page's first form with a field or button named `containing` and an action with `action_contains`."""
    for element in lxml.html.fromstring(response.text).forms:
        names = {field.get("name") for field in element.xpath(".//input|.//button|.//select|.//textarea")}
        form = _form(response, element)
        if (containing is None or containing in names) and action_contains in form.action:
            return form
    raise AssertionError(f"no such form ({containing=}, {action_contains=}) at {response.url}:\n{response.text}")


def submit(
    session: requests.Session, response: requests.Response, values: dict | None = None, **kwargs
) -> requests.Response:
    """Fill the page's form with `values` (on top of its hidden fields) and send it, following redirects."""
    form = find_form(response, **kwargs)
    data = {**form.fields, **(values or {})}
    if form.method == "post":
        return session.post(form.action, data=data, timeout=TIMEOUT)
    return session.get(form.action, params=data, timeout=TIMEOUT)


def start_sign_in(session: requests.Session, portal_url: str, provider_login_path: str, next_path: str = "/"):
    """Open the portal's sign-in page as an anonymous visitor and press the provider's button."""
    login_page = session.get(f"{portal_url}{next_path}", timeout=TIMEOUT)
    assert "/comptes/connexion/" in login_page.url, login_page.url
    button = find_form(login_page, action_contains=provider_login_path)
    return session.post(button.action, data=button.fields, timeout=TIMEOUT)


def _form(response: requests.Response, form) -> Form:
    return Form(
        action=urljoin(response.url, form.get("action") or response.url),
        method=(form.get("method") or "get").lower(),
        fields=dict(form.form_values()),
    )


def signed_in_user_name(session: requests.Session, portal_url: str) -> str | None:
    """The name in the portal's user menu, or None when the portal asks to sign in."""
    home = session.get(f"{portal_url}/", timeout=TIMEOUT)
    if "/comptes/connexion/" in home.url:
        return None
    names = lxml.html.fromstring(home.text).xpath("//p[@class='user-menu__who']/strong")
    return " ".join(names[0].text_content().split()) if names else ""


def saml_response_form(session: requests.Session, portal_url: str, username: str, password: str, at_idp=None) -> Form:
    """Press the SAML button, sign in at the IdP: the auto-submitted form carrying the signed assertion."""
    idp_page = start_sign_in(session, portal_url, f"/comptes/saml/{SAML_ID}/login/")
    if at_idp:
        at_idp()
    if 'name="SAMLResponse"' not in idp_page.text:
        idp_page = submit(session, idp_page, {"username": username, "password": password}, containing="username")
    return find_form(idp_page, containing="SAMLResponse")


def saml_sign_in(session: requests.Session, portal_url: str, username: str, password: str, at_idp=None):
    """The whole SAML sign-in; the portal's answer to the assertion. `at_idp()` is called at the IdP."""
    form = saml_response_form(session, portal_url, username, password, at_idp)
    return session.post(form.action, data=form.fields, timeout=TIMEOUT)


def oidc_sign_in(session: requests.Session, portal_url: str, email: str, password: str, at_idp=None):
    """The whole OpenID Connect sign-in; the portal's answer once the IdP has sent the browser back."""
    idp_page = start_sign_in(session, portal_url, f"/comptes/oidc/{OIDC_ID}/login/")
    if at_idp:
        at_idp()
    if idp_page.url.startswith(portal_url):
        return idp_page  # refused before reaching the IdP
    return submit(session, idp_page, {"login": email, "password": password}, containing="password")


def oidc_callback_url(session: requests.Session, portal_url: str, email: str, password: str) -> str:
    """Sign in at the OIDC provider and return where it sends the browser back (code and state), unvisited."""
    idp_page = start_sign_in(session, portal_url, f"/comptes/oidc/{OIDC_ID}/login/")
    form = find_form(idp_page, containing="password")
    response = session.post(
        form.action, data={**form.fields, "login": email, "password": password}, allow_redirects=False
    )
    while response.is_redirect:
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith(portal_url):
            return location
        response = session.get(location, allow_redirects=False, timeout=TIMEOUT)
    raise AssertionError(f"the IdP did not send the browser back to the portal: {response.url}\n{response.text}")


def assert_refused(answer: requests.Response, session: requests.Session, portal_url: str, heading: str) -> None:
    """The portal answered with its French page `heading` and a way to try again, and nobody is signed in."""
    assert answer.status_code < 500, answer.status_code
    text = page_text(answer)
    assert heading in text, text
    assert "Réessayer" in text
    assert signed_in_user_name(session, portal_url) is None
