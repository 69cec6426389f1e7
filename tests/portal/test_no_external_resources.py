"""Neither the admin nor the portal's pages load anything from another host (no Gravatar, no CDN)."""

import re
from urllib.parse import urlsplit

import pytest

LOCAL_HOSTS = {"", "testserver", "localhost", "127.0.0.1", "[::1]"}
# Plain links (the browser fetches nothing until clicked) allowed in Wagtail's own admin: its user guide
# and the "enable JavaScript" help of the <noscript> notice.
ADMIN_LINK_HOSTS = {"guide.wagtail.org", "www.enable-javascript.com"}
# The accessibility statement must say how to refer to the Défenseur des droits (décret 2019-768, RGAA): the
# only plain links to another host among the portal's pages.
STATEMENT_LINK_HOSTS = {"formulaire.defenseurdesdroits.fr", "www.defenseurdesdroits.fr"}
TAG = re.compile(r"<([a-zA-Z][\w-]*)\b([^>]*)>")
ATTRIBUTE = re.compile(r"""(?<![\w-])(src|href|srcset|poster|action|formaction)\s*=\s*["']([^"']*)["']""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""", re.I)


def is_local(url: str) -> bool:
    url = url.strip()
    if not url or url.startswith(("mailto:", "tel:", "#", "data:", "javascript:")):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "") and (parts.hostname or "") in LOCAL_HOSTS


def external_references(html: str) -> tuple[set[str], set[str]]:
    """(resources the browser would fetch from another host, plain links to another host)."""
    resources, links = set(), set()
    for tag, attributes in TAG.findall(html):
        for name, value in ATTRIBUTE.findall(attributes):
            urls = [item.strip().split(" ")[0] for item in value.split(",")] if name.lower() == "srcset" else [value]
            for url in urls:
                if not is_local(url):
                    (links if tag.lower() == "a" and name.lower() == "href" else resources).add(url)
    resources |= {url for url in CSS_URL.findall(html) if not is_local(url)}
    return resources, links


@pytest.mark.django_db
def test_admin_pages_load_nothing_from_elsewhere(client, administrator, page_of_each_type):
    client.force_login(administrator)
    news = page_of_each_type["news.NewsPage"]
    paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{news.pk}/edit/",
        f"/admin/pages/{news.get_parent().pk}/",
        "/admin/account/",
        "/admin/users/",
    ]
    problems = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        resources, links = external_references(response.content.decode())
        foreign_links = {url for url in links if urlsplit(url).hostname not in ADMIN_LINK_HOSTS}
        if resources or foreign_links:
            problems[path] = resources | foreign_links
    assert problems == {}


@pytest.mark.django_db
def test_portal_pages_load_nothing_from_elsewhere(client, administrator, page_of_each_type):
    client.force_login(administrator)
    problems = {}
    for label, page in page_of_each_type.items():
        response = client.get(page.url)
        assert response.status_code == 200, label
        resources, links = external_references(response.content.decode())
        if label == "legal.AccessibilityStatementPage":
            links = {url for url in links if urlsplit(url).hostname not in STATEMENT_LINK_HOSTS}
        if resources or links:
            problems[label] = resources | links
    assert problems == {}


def test_the_check_itself_spots_a_gravatar():
    html = (
        '<img class="avatar" src="https://www.gravatar.com/avatar/abc?s=50" data-action="w-x#y">'
        '<a href="/admin/">x</a><a href="https://guide.wagtail.org/">guide</a>'
    )
    assert external_references(html) == ({"https://www.gravatar.com/avatar/abc?s=50"}, {"https://guide.wagtail.org/"})
