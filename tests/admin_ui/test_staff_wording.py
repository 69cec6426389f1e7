"""What staff read in the administration and in the portal's e-mails is French, in the portal's register."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Collection

from accounts.roles import ensure_roles
from tests import factories
from tests.utils import page_text

SUBMIT_LABEL = "Soumettre ("


@pytest.mark.django_db
def test_the_people_list_names_its_column_in_french(admin_client, home):
    factories.PersonFactory(first_name="Laura", last_name="Deleligne")
    text = page_text(admin_client.get(reverse("wagtailsnippets_people_person:list")))
    assert "Full name" not in text
    assert "Nom" in text and "Laura Deleligne" in text


@pytest.mark.django_db
def test_the_root_collection_has_a_french_name(admin_client, home):
    assert Collection.get_first_root_node().name == "Bibliothèque"
    text = page_text(admin_client.get(reverse("wagtaildocs:add_multiple")))
    assert "Root" not in text


@pytest.mark.django_db
def test_the_password_reset_mail_speaks_with_the_portals_name(client, reader, settings, mailoutbox):
    settings.WAGTAIL_SITE_NAME = "Projet de service"
    response = client.post("/comptes/mot-de-passe/oublie/", {"email": reader.email})
    assert response.status_code in (200, 302)
    (message,) = mailoutbox
    assert "testserver" not in message.subject
    assert "c'est" not in message.body and "Bonjour, c" not in message.body
    assert message.body.startswith("Bonjour,")
    assert "« Projet de service »" in message.body
    assert message.subject.startswith("[Projet de service] ")


def test_wagtail_wording_is_corrected_in_french():
    with translation.override("fr"):
        assert gettext("Hello %(username)s,") % {"username": "Claire"} == "Bonjour Claire,"
        plural = ngettext(
            '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
            71,
        )
        assert "créées dans" in plural and "crées" not in plural


@pytest.mark.django_db
def test_wagtail_dashboard_counts_pages_in_french(admin_client, home):
    text = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "crées" not in text
    assert "créée" in text


@pytest.mark.django_db
def test_a_project_officer_publishes_and_is_not_offered_to_submit(officer_client, home):
    ensure_roles()
    group = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    content = officer_client.get(reverse("wagtailadmin_pages:edit", args=[group.pk])).content.decode()
    assert "Publier" in content
    assert SUBMIT_LABEL not in content


@pytest.mark.django_db
def test_a_pilot_is_still_offered_to_submit(home, pilot):
    from projects.models import WorkingGroupMember

    ensure_roles()
    person = factories.PersonFactory(user=pilot)
    group = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    WorkingGroupMember.objects.create(page=group, person=person, role=WorkingGroupMember.Role.PILOT)
    group.save_revision().publish()
    browser = Client()
    browser.force_login(pilot)
    content = browser.get(reverse("wagtailadmin_pages:edit", args=[group.pk])).content.decode()
    # The workflow's name keeps its capital in the administration's listings, not inside the button's label.
    assert "Soumettre (Validation par un chargé de projet)" in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "title"),
    [
        (reverse("governance_admin:board"), "Tableau de gouvernance"),
        (reverse("governance_admin:index"), "Gouvernance des contenus"),
    ],
)
def test_the_portals_admin_pages_name_themselves_in_the_browser_tab(officer_client, home, url, title):
    content = officer_client.get(url).content.decode()
    assert f"<title>{title} - " in " ".join(content.split())
