"""The accessibility statement: a page in the RGAA format, created with the site, linked from every footer with
its status, changed by administrators only, and naming nothing a reader may not open."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Collection

from documents.choices import DocumentAccessibility
from legal.models import AccessibilityStatementPage, ComplianceStatus
from tests import factories
from tests.utils import (
    assert_query_budget,
    assert_shown_only_to_members,
    is_redirect_to_sign_in,
    page_text,
    restrict_collection_to_groups,
    restrict_page_to_groups,
)

LABEL = "legal.AccessibilityStatementPage"
STATEMENT_HEADINGS = [
    "État de conformité",
    "Contenus non accessibles",
    "Non-conformités",
    "Dérogations pour charge disproportionnée",
    "Contenus non soumis à l’obligation d’accessibilité",
    "Établissement de cette déclaration d’accessibilité",
    "Technologies utilisées pour la réalisation du portail",
    "Environnement de test",
    "Retour d’information et contact",
    "Voies de recours",
]


@pytest.fixture
def statement(sections) -> AccessibilityStatementPage:
    return AccessibilityStatementPage.objects.get(pk=sections[LABEL].pk)


def _publish(statement, **values):
    statement = AccessibilityStatementPage.objects.get(pk=statement.pk)
    for name, value in values.items():
        setattr(statement, name, value)
    statement.save_revision().publish()
    return statement


def _footer_mention(response) -> str:
    text = page_text(response)
    start = text.find("Accessibilité :")
    return text[start : start + 40] if start >= 0 else ""


@pytest.mark.django_db
def test_a_new_site_has_the_statement_written_from_the_audit(statement):
    assert statement.live and not statement.show_in_menus
    assert statement.get_parent().specific_class.__name__ == "HomePage"
    assert statement.compliance_status == ComplianceStatus.NOT_COMPLIANT and statement.compliance_rate is None
    assert statement.audit_date and statement.statement_date
    for field in ("audit_method", "non_conformities", "exempt_content", "technologies", "test_environment"):
        assert getattr(statement, field), field
    assert "Défenseur des droits" in statement.recourse


@pytest.mark.django_db
def test_the_statement_renders_in_the_rgaa_format(reader_client, statement):
    response = reader_client.get(statement.url)
    assert response.status_code == 200
    text = page_text(response)
    for heading in STATEMENT_HEADINGS:
        assert heading in text, heading
    assert "Le portail est non conforme avec le référentiel général d’amélioration de l’accessibilité" in text
    assert "Défenseur des droits" in text and "Libre réponse 71120" in text


@pytest.mark.django_db
def test_every_page_links_to_the_statement_with_its_status(reader_client, page_of_each_type, statement):
    for label, page in page_of_each_type.items():
        response = reader_client.get(page.url)
        assert _footer_mention(response).startswith("Accessibilité : non conforme"), label
        assert f'href="{statement.url}" data-accessibility-status="non"' in response.content.decode(), label
    for path in (reverse("search"), "/notifications/", "/page-inconnue/"):
        assert _footer_mention(reader_client.get(path)).startswith("Accessibilité : non conforme"), path


@pytest.mark.django_db
def test_the_footer_follows_the_published_status_through_the_cache(reader_client, statement, sections):
    news_index = sections["news.NewsIndexPage"]
    assert _footer_mention(reader_client.get(news_index.url)).startswith("Accessibilité : non conforme")
    reader_client.get(news_index.url)  # the value is now in the cache

    _publish(statement, compliance_status=ComplianceStatus.PARTIALLY_COMPLIANT, compliance_rate=72)
    response = reader_client.get(news_index.url)
    assert _footer_mention(response).startswith("Accessibilité : partiellement conforme")
    assert 'data-accessibility-status="partiellement"' in response.content.decode()
    assert "72 % des critères du RGAA sont respectés" in page_text(reader_client.get(statement.url))

    _publish(statement, compliance_status=ComplianceStatus.FULLY_COMPLIANT, compliance_rate=100)
    assert _footer_mention(reader_client.get(news_index.url)).startswith("Accessibilité : totalement conforme")


@pytest.mark.django_db
def test_a_draft_of_the_statement_changes_nothing(reader_client, statement, sections):
    draft = AccessibilityStatementPage.objects.get(pk=statement.pk)
    draft.compliance_status, draft.compliance_rate = ComplianceStatus.FULLY_COMPLIANT, 100
    draft.save_revision()
    assert _footer_mention(reader_client.get(sections["news.NewsIndexPage"].url)).startswith(
        "Accessibilité : non conforme"
    )


@pytest.mark.django_db
def test_without_a_published_statement_the_footer_says_nothing(reader_client, statement, sections):
    statement.unpublish()
    response = reader_client.get(sections["news.NewsIndexPage"].url)
    assert response.status_code == 200 and _footer_mention(response) == ""


@pytest.mark.django_db
def test_anonymous_visitors_get_neither_the_statement_nor_the_mention(client, statement):
    response = client.get(statement.url)
    assert is_redirect_to_sign_in(response)
    assert "conforme" not in response.content.decode()
    sign_in_page = client.get(reverse("account_login"))
    assert sign_in_page.status_code == 200 and _footer_mention(sign_in_page) == ""


@pytest.mark.django_db
def test_a_restricted_statement_shows_only_to_its_group(reader_client, member_client, committee, statement, sections):
    restrict_page_to_groups(statement, committee)
    news_index = sections["news.NewsIndexPage"].url
    assert_shown_only_to_members(reader_client, member_client, news_index, "Accessibilité : non conforme")
    refused = reader_client.get(statement.url)
    assert refused.status_code != 200 and "Défenseur des droits" not in refused.content.decode()
    assert member_client.get(statement.url).status_code == 200


@pytest.mark.django_db
def test_the_statement_lists_only_the_inaccessible_documents_the_reader_may_open(
    reader_client, member_client, committee, statement
):
    folder = Collection.get_first_root_node().add_child(name="Dossier du comité")
    restrict_collection_to_groups(folder, committee)
    factories.make_document(
        "scan.txt", b"Scan", title="Scan ouvert", accessibility=DocumentAccessibility.NOT_ACCESSIBLE
    )
    factories.make_document(
        "cr.txt", b"CR", title="Compte rendu du comité", collection=folder, accessibility="not_accessible"
    )
    factories.make_document("guide.txt", b"Guide", title="Guide balisé", accessibility="accessible")
    assert_shown_only_to_members(reader_client, member_client, statement.url, "Compte rendu du comité")
    text = page_text(reader_client.get(statement.url))
    assert "Scan ouvert" in text and "Guide balisé" not in text


@pytest.mark.django_db
def test_statement_query_budget(reader_client, statement):
    def add(n):
        for _ in range(n):
            factories.make_document("scan.txt", b"Scan", accessibility=DocumentAccessibility.NOT_ACCESSIBLE)

    assert_query_budget(reader_client, statement.url, add)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "rate", "field"),
    [
        (ComplianceStatus.FULLY_COMPLIANT, None, "compliance_rate"),
        (ComplianceStatus.PARTIALLY_COMPLIANT, None, "compliance_rate"),
        (ComplianceStatus.FULLY_COMPLIANT, 99, "compliance_status"),
        (ComplianceStatus.PARTIALLY_COMPLIANT, 49, "compliance_status"),
        (ComplianceStatus.NOT_COMPLIANT, 50, "compliance_status"),
        (ComplianceStatus.NOT_COMPLIANT, 101, "compliance_rate"),
        (ComplianceStatus.NOT_COMPLIANT, 10**12, "compliance_rate"),
    ],
)
def test_the_status_must_match_the_audits_rate(statement, status, rate, field):
    statement.compliance_status, statement.compliance_rate = status, rate
    with pytest.raises(ValidationError) as refused:
        statement.full_clean()
    assert field in refused.value.message_dict


@pytest.mark.django_db
def test_administrators_alone_edit_the_statement(admin_client, officer_client, reader_client, statement):
    edit_url = reverse("wagtailadmin_pages:edit", args=[statement.pk])
    form = admin_client.get(edit_url)
    assert form.status_code == 200
    for label in ("État de conformité", "Dérogations pour charge disproportionnée", "Voies de recours"):
        assert label in form.content.decode(), label
    assert officer_client.get(edit_url).status_code in (302, 403)
    assert reader_client.get(edit_url).status_code == 403


@pytest.mark.django_db
def test_an_administrator_publishes_a_new_status_from_the_admin_and_hostile_values_are_refused(
    admin_client, reader_client, statement, sections
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[statement.pk])
    data = {**_plain(admin_client.get(edit_url).context["form"]), "action-publish": "action-publish"}

    for hostile in ("²", "\x00", "9" * 30, "-5", "101"):
        response = admin_client.post(edit_url, {**data, "compliance_rate": hostile})
        assert response.status_code == 200, hostile
        assert AccessibilityStatementPage.objects.get(pk=statement.pk).compliance_rate is None

    response = admin_client.post(
        edit_url, {**data, "compliance_status": ComplianceStatus.PARTIALLY_COMPLIANT, "compliance_rate": "64"}
    )
    assert response.status_code == 302, page_text(response)[:1500]
    assert _footer_mention(reader_client.get(sections["news.NewsIndexPage"].url)).startswith(
        "Accessibilité : partiellement conforme"
    )


def _plain(form) -> dict:
    """The edit form's current values as a browser would send them back."""
    data = {}
    for name, bound in ((name, form[name]) for name in form.fields):
        value = bound.value()
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [str(item) for item in value]
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            formatted = bound.field.widget.format_value(value)
            if formatted is not None:
                data[name] = formatted
    for formset in form.formsets.values():
        data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
    return data
