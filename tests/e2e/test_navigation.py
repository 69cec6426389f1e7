"""What a staff member does in the browser: sign in, find a group's fiche action, read a case study, raise a need."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .conftest import sign_in
from .content import CASE_STUDY_HEADINGS, CASE_STUDY_TITLE, FICHE_ACTION_HEADINGS, GROUP_TITLE

pytestmark = pytest.mark.browser


def test_an_anonymous_visitor_is_sent_to_the_sign_in_page_which_shows_nothing_private(page, live_server, portal):
    page.goto(live_server.url + portal["group"])

    expect(page).to_have_url(re.compile(re.escape(reverse("account_login")) + r"\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
    expect(page.get_by_role("navigation", name="Navigation principale")).to_have_count(0)
    expect(page.get_by_role("search")).to_have_count(0)
    expect(page.get_by_text(GROUP_TITLE)).to_have_count(0)


def test_signing_in_with_email_and_password_lands_on_the_home_page(page, live_server, portal):
    sign_in(page, live_server.url)

    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Lina")
    expect(page.locator(".hero__metier")).to_have_text("Infirmier en santé au travail")
    my_groups = page.get_by_role("region", name="Mes groupes de travail")
    expect(my_groups.get_by_role("link", name=GROUP_TITLE, exact=True)).to_be_visible()


def test_from_home_to_a_groups_fiche_action(signed_in_page):
    page = signed_in_page
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Groupes de travail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Groupes de travail")

    page.get_by_role("link", name=GROUP_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(GROUP_TITLE)
    current = page.get_by_role("navigation", name="Navigation principale").locator("[aria-current]")
    expect(current).to_have_text("Groupes de travail")

    page.get_by_role("link", name="Voir la fiche action").click()
    expect(page).to_have_url(re.compile(r"#fiche-action$"))
    sheet = page.locator("#fiche-action")
    expect(sheet).to_be_in_viewport()
    expect(sheet.get_by_role("heading", level=2)).to_have_text("Fiche action")
    expect(sheet.get_by_role("heading", level=3)).to_have_text(FICHE_ACTION_HEADINGS)
    expect(sheet.get_by_text("Guide de bonnes pratiques")).to_be_visible()


def test_a_case_study_reads_as_its_card(signed_in_page):
    page = signed_in_page
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Études de cas").click()
    page.get_by_role("link", name=CASE_STUDY_TITLE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_STUDY_TITLE)
    card = page.locator(".case-card")
    expect(card.get_by_role("heading", level=3)).to_have_text(CASE_STUDY_HEADINGS)
    expect(card).to_contain_text("École des hautes études en santé publique (Rennes)")
    expect(page.get_by_role("link", name="Conduire un projet partenarial")).to_be_visible()


def test_the_needs_form_explains_its_errors_in_french_and_keeps_what_was_typed(signed_in_page, live_server, portal):
    page = signed_in_page
    page.goto(live_server.url + portal["needs index"])
    page.get_by_role("link", name="Soumettre une fiche besoin").click()

    page.get_by_label("Contexte / constat").fill("Constaté lors des visites.")
    page.get_by_role("button", name="Envoyer la fiche").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Donnez un intitulé court à votre besoin.")
    expect(summary).to_contain_text("Décrivez le besoin que vous avez identifié.")
    expect(page.get_by_label("Intitulé du besoin")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Contexte / constat")).to_have_value("Constaté lors des visites.")

    summary.get_by_role("link", name=re.compile("Intitulé du besoin")).click()
    expect(page.get_by_label("Intitulé du besoin")).to_be_focused()
    page.get_by_label("Intitulé du besoin").fill("Un annuaire des partenaires")
    page.get_by_label("Besoin identifié").fill("Trouver vite le bon interlocuteur.")
    page.get_by_role("button", name="Envoyer la fiche").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Un annuaire des partenaires")
    expect(page.get_by_role("status")).to_contain_text("votre fiche « Un annuaire des partenaires » est enregistrée")
    expect(page.locator(".page-header__meta .badge")).to_contain_text("Soumise")


def test_on_a_phone_the_menu_opens_from_its_button(signed_in_page):
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    navigation = page.get_by_role("navigation", name="Navigation principale")
    toggle = page.get_by_role("button", name="Menu")
    expect(navigation).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    navigation.get_by_role("link", name="Annuaire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuaire")


def test_signing_out_goes_back_to_the_sign_in_page(signed_in_page, live_server):
    page = signed_in_page
    page.get_by_text("Lina Lecteur").first.click()
    page.get_by_role("button", name="Se déconnecter").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("account_login"))))
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(re.escape(reverse("account_login")) + r"\?next=/"))


def test_search_shows_promotions_first_and_links_documents_to_their_file(signed_in_page):
    page = signed_in_page
    page.get_by_label("Rechercher dans l’intranet").fill("fiche action")
    page.get_by_label("Rechercher dans l’intranet").press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Recherche")
    expect(page.get_by_role("status")).to_contain_text("pour « fiche action »")
    promotion = page.locator(".promotion")
    expect(promotion).to_contain_text("Recommandé")
    expect(promotion.get_by_role("link", name="Groupes de travail")).to_be_visible()
    # Both measured in one layout: two separate reads could straddle the stylesheet's arrival under load.
    above = page.evaluate(
        """() => document.querySelector('.promotion').getBoundingClientRect().top
                 < document.querySelector('.results > li').getBoundingClientRect().top"""
    )
    assert above

    document_link = page.locator(".results").get_by_role("link", name="Trame de fiche action", exact=True)
    expect(document_link).to_have_attribute("href", re.compile(r"^/documents/\d+/trame-fiche-action"))
    expect(page.locator(".results mark").first).to_be_visible()

    # Each type tab carries its count: "Documents 1".
    documents_tab = page.get_by_role("navigation", name="Type de contenu").get_by_role("link", name="Documents")
    expect(documents_tab).to_have_text(re.compile(r"^\s*Documents\s*1\s*$"))
    documents_tab.click()
    expect(page.locator(".results > li")).to_have_count(1)


def test_an_event_can_be_added_to_my_calendar(signed_in_page, live_server, portal):
    page = signed_in_page
    page.goto(live_server.url + portal["event"])
    link = page.get_by_role("link", name="Ajouter à mon agenda")
    expect(link).to_have_attribute("href", re.compile(r"^/flux/agenda/\d+\.ics$"))
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200
    assert "BEGIN:VEVENT" in response.text()
