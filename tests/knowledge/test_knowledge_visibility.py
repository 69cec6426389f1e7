"""Case studies and approaches: lists, filters and related content show only what the reader may open."""

import pytest
from wagtail.models import Collection

from knowledge.models import ApproachTool, CaseStudyApproachLink, CaseStudyAttachment
from tests import factories
from tests.utils import (
    assert_query_budget,
    assert_shown_only_to_members,
    page_text,
    restrict_collection_to_groups,
    restrict_page_to_groups,
)

# What the site layout (session, account, site, routing, menu, breadcrumbs, permissions, profile link)
# costs on every page; each budget below adds what the page itself reads.
REFUSED = "Certains filtres n’ont pas été appliqués"
HOSTILE_QUERIES = [
    "?theme=²",
    "?theme=%00",
    "?theme=inconnu",
    "?theme=" + "a" * 5000,
    "?metier=%00",
    "?metier=99999999999999999999999999",
    "?metier=inconnu",
    "?territoire=" + "x" * 5000,
    "?territoire=%00",
    "?territoire=²",
    "?page=99999999999999999999999",
]


@pytest.fixture
def committee_folder(db, committee):
    folder = Collection.get_first_root_node().add_child(name="Dossier du comité")
    restrict_collection_to_groups(folder, committee)
    return folder


def _document(title, collection=None):
    fields = {"title": title}
    if collection is not None:
        fields["collection"] = collection
    return factories.make_document(f"{title[:20]}.txt", b"Contenu", **fields)


# Approaches have no territory: their list is tried with every other hostile value.
HOSTILE_CASES = [("knowledge.CaseStudyIndexPage", query) for query in HOSTILE_QUERIES] + [
    ("knowledge.ApproachIndexPage", query) for query in HOSTILE_QUERIES if not query.startswith("?territoire")
]


@pytest.mark.django_db
@pytest.mark.parametrize(("section", "query"), HOSTILE_CASES)
def test_hostile_filter_values_never_break_the_lists(reader_client, sections, section, query):
    factories.CaseStudyPageFactory(title="Étude visible")
    factories.ApproachPageFactory(title="Démarche visible")
    response = reader_client.get(sections[section].url + query)
    assert response.status_code == 200
    text = page_text(response)
    if not query.startswith("?page"):
        assert REFUSED in text.replace("'", "’")
    assert "visible" in text  # the list itself still shows


@pytest.mark.django_db
def test_a_theme_with_accents_filters_the_list(reader_client, sections):
    tagged = factories.CaseStudyPageFactory(title="Étude sur la prévention")
    tagged.tags.add("Prévention")
    tagged.save()
    factories.CaseStudyPageFactory(title="Étude sans thème")
    text = page_text(reader_client.get(sections["knowledge.CaseStudyIndexPage"].url + "?theme=prévention"))
    assert tagged.title in text and "Étude sans thème" not in text and REFUSED not in text


@pytest.mark.django_db
def test_valid_filters_apply_and_invalid_ones_are_reported(reader_client, sections):
    kept = factories.CaseStudyPageFactory(title="Étude en Artois", territory="Artois")
    factories.CaseStudyPageFactory(title="Étude à Rennes", territory="Rennes")
    text = page_text(reader_client.get(sections["knowledge.CaseStudyIndexPage"].url + "?territoire=Artois&theme=²"))
    assert kept.title in text and "Étude à Rennes" not in text
    assert "Thème" in text and REFUSED in text.replace("'", "’")


@pytest.mark.django_db
def test_case_study_index_hides_restricted_case_studies(reader_client, member_client, sections):
    secret = factories.CaseStudyPageFactory(title="Étude réservée au comité")
    restrict_page_to_groups(secret, committee_of(member_client))
    factories.CaseStudyPageFactory(title="Étude ouverte")
    url = sections["knowledge.CaseStudyIndexPage"].url
    assert_shown_only_to_members(reader_client, member_client, url, secret.title)
    assert "Étude ouverte" in page_text(reader_client.get(url))


@pytest.mark.django_db
def test_approach_index_hides_restricted_approaches(reader_client, member_client, sections):
    secret = factories.ApproachPageFactory(title="Démarche réservée au comité")
    restrict_page_to_groups(secret, committee_of(member_client))
    assert_shown_only_to_members(
        reader_client, member_client, sections["knowledge.ApproachIndexPage"].url, secret.title
    )


@pytest.mark.django_db
def test_theme_and_territory_choices_come_from_visible_case_studies_only(reader_client, member_client, sections):
    secret = factories.CaseStudyPageFactory(title="Étude réservée", territory="Territoire confidentiel")
    secret.tags.add("Thème confidentiel")
    secret.save()
    restrict_page_to_groups(secret, committee_of(member_client))
    url = sections["knowledge.CaseStudyIndexPage"].url
    assert_shown_only_to_members(reader_client, member_client, url, 'value="thème-confidentiel"')
    assert_shown_only_to_members(reader_client, member_client, url, 'value="Territoire confidentiel"')
    # Filtering on a theme the reader cannot see is refused, not answered with an empty list.
    assert REFUSED in page_text(reader_client.get(url + "?theme=thème-confidentiel")).replace("'", "’")


@pytest.mark.django_db
def test_approach_theme_choices_come_from_visible_approaches_only(reader_client, member_client, sections):
    secret = factories.ApproachPageFactory(title="Démarche réservée")
    secret.tags.add("Thème confidentiel")
    secret.save()
    restrict_page_to_groups(secret, committee_of(member_client))
    url = sections["knowledge.ApproachIndexPage"].url
    assert_shown_only_to_members(reader_client, member_client, url, 'value="thème-confidentiel"')


@pytest.mark.django_db
def test_case_study_lists_only_visible_approaches(reader_client, member_client, home):
    case_study = factories.CaseStudyPageFactory()
    secret = factories.ApproachPageFactory(title="Démarche réservée au comité")
    restrict_page_to_groups(secret, committee_of(member_client))
    factories.CaseStudyApproachLinkFactory(page=case_study, approach=secret)
    assert_shown_only_to_members(reader_client, member_client, case_study.url, secret.title)


@pytest.mark.django_db
def test_approach_lists_only_visible_case_studies(reader_client, member_client, home):
    approach = factories.ApproachPageFactory()
    secret = factories.CaseStudyPageFactory(title="Étude réservée au comité")
    restrict_page_to_groups(secret, committee_of(member_client))
    factories.CaseStudyApproachLinkFactory(page=secret, approach=approach)
    assert_shown_only_to_members(reader_client, member_client, approach.url, secret.title)


@pytest.mark.django_db
def test_attachment_in_a_restricted_collection_is_listed_for_members_only(
    reader_client, member_client, committee_folder
):
    case_study = factories.CaseStudyPageFactory()
    CaseStudyAttachment.objects.create(page=case_study, document=_document("Compte rendu du comité", committee_folder))
    CaseStudyAttachment.objects.create(page=case_study, document=_document("Charte publique"))
    assert_shown_only_to_members(reader_client, member_client, case_study.url, "Compte rendu du comité")
    assert "Charte publique" in page_text(reader_client.get(case_study.url))


@pytest.mark.django_db
def test_tool_in_a_restricted_collection_is_listed_for_members_only(reader_client, member_client, committee_folder):
    approach = factories.ApproachPageFactory()
    ApproachTool.objects.create(page=approach, document=_document("Grille du comité", committee_folder))
    assert_shown_only_to_members(reader_client, member_client, approach.url, "Grille du comité")


@pytest.mark.django_db
def test_approach_cards_count_visible_tools(reader_client, member_client, sections, committee_folder):
    approach = factories.ApproachPageFactory(title="Démarche outillée")
    ApproachTool.objects.create(page=approach, document=_document("Grille ouverte"))
    ApproachTool.objects.create(page=approach, document=_document("Grille du comité", committee_folder))
    url = sections["knowledge.ApproachIndexPage"].url
    assert "1 outil" in page_text(reader_client.get(url))
    assert "2 outils" in page_text(member_client.get(url))


@pytest.mark.django_db
def test_case_study_cards_have_no_separator_character(reader_client, sections):
    factories.CaseStudyPageFactory(client="Mairie de Lens", territory="Artois")
    body = reader_client.get(sections["knowledge.CaseStudyIndexPage"].url).content.decode()
    assert '<p class="card__kicker"><span>Mairie de Lens</span><span>Artois</span></p>' in body


def test_document_links_share_the_base_inline():
    from base.models import DocumentLink

    assert issubclass(CaseStudyAttachment, DocumentLink) and issubclass(ApproachTool, DocumentLink)
    assert str(ApproachTool._meta.get_field("description").verbose_name) == "usage"


@pytest.mark.django_db
def test_case_study_index_query_budget(reader_client, sections):
    def add(n):
        for _ in range(n):
            page = factories.CaseStudyPageFactory()
            page.tags.add("Formation", "Prévention")
            page.save()

    # Items, their count, their tags; the choices of thème, métier and territoire.
    assert_query_budget(reader_client, sections["knowledge.CaseStudyIndexPage"].url + "?page=1", add)


@pytest.mark.django_db
def test_approach_index_query_budget(reader_client, sections):
    def add(n):
        for _ in range(n):
            page = factories.ApproachPageFactory()
            page.tags.add("Formation")
            page.save()
            ApproachTool.objects.create(page=page, document=_document("Outil"))

    # Items (tools counted in SQL), their count, their tags; the choices of thème and métier.
    assert_query_budget(reader_client, sections["knowledge.ApproachIndexPage"].url, add)


@pytest.mark.django_db
def test_case_study_page_query_budget(reader_client, home):
    case_study = factories.CaseStudyPageFactory()
    case_study.tags.add("Formation")
    case_study.save()

    def add(n):
        for _ in range(n):
            CaseStudyAttachment.objects.create(page=case_study, document=_document("Pièce"))
            CaseStudyApproachLink.objects.create(page=case_study, approach=factories.ApproachPageFactory())

    # Links, visible approaches, attachments with their documents, hidden pages and collections, tags, métiers,
    # the parent (tag links).
    assert_query_budget(reader_client, case_study.url, add)


@pytest.mark.django_db
def test_approach_page_query_budget(reader_client, home):
    approach = factories.ApproachPageFactory()

    def add(n):
        for _ in range(n):
            ApproachTool.objects.create(page=approach, document=_document("Outil"))
            CaseStudyApproachLink.objects.create(page=factories.CaseStudyPageFactory(), approach=approach)

    # Visible case studies, tools with their documents, hidden pages and collections, tags, métiers, the parent.
    assert_query_budget(reader_client, approach.url, add)


def committee_of(member_client):
    """The committee group of the member signed in on this client."""
    from django.contrib.auth.models import Group

    return Group.objects.get(name="Comité stratégique")
