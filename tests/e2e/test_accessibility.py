"""axe-core finds no serious or critical accessibility problem on any page type or route."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from .conftest import sign_in

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page, label: str) -> list[str]:
    """Readable lines for each serious or critical axe-core violation of the page as it stands."""
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    lines = []
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        lines.append(
            f"{label} — [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {', '.join(map(str, node['target']))}: {summary}")
    return lines


def assert_no_blocking_violations(problems: list[str]):
    assert not problems, "Problèmes d’accessibilité bloquants :\n" + "\n".join(problems)


def test_the_sign_in_page_is_accessible(page, live_server, portal):
    page.goto(live_server.url + reverse("account_login"))
    problems = blocking_violations(page, "sign-in page")

    page.get_by_label("E-mail").fill("inconnu@example.org")
    page.get_by_label("Mot de passe").fill("mauvais")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("alert").wait_for()
    problems += blocking_violations(page, "sign-in page with an error")

    assert_no_blocking_violations(problems)


@pytest.mark.parametrize(
    "path",
    ["/comptes/mot-de-passe/oublie/", "/comptes/mot-de-passe/oublie/envoye/", "/desabonnement/inconnu/"],
    ids=["password reset", "password reset sent", "unsubscribe with an unknown link"],
)
def test_the_pages_open_without_signing_in_are_accessible(page, live_server, portal, path):
    response = page.goto(live_server.url + path)
    assert response.status < 500
    assert_no_blocking_violations(blocking_violations(page, path))


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "mobile"])
def test_every_page_type_and_route_is_accessible(page, live_server, portal, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url)
    problems = []
    for label, path in portal.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{label} ({path}) : HTTP {response.status}"
        problems += blocking_violations(page, f"{label} ({path})")

    response = page.goto(live_server.url + "/cette-page-n-existe-pas/")
    assert response.status == 404
    problems += blocking_violations(page, "page not found (404)")

    page.goto(live_server.url + portal["needs form"])
    page.get_by_role("button", name="Envoyer la fiche").click()
    page.get_by_role("alert").wait_for()
    problems += blocking_violations(page, "needs form with errors")

    if width < 600:
        page.get_by_role("button", name="Menu").click()
        problems += blocking_violations(page, "open mobile menu")

    assert_no_blocking_violations(problems)
