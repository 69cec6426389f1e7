"""The working-group and needs-sheet lists: filters that never break, counts and items the reader may see."""

import pytest

from home.services.site_tree import ensure_section
from projects.models import GroupStatus, NeedsSheetPage, NeedStatus
from tests import factories
from tests.utils import assert_query_budget, assert_shown_only_to_members, page_text, restrict_page_to_groups

HOSTILE_VALUES = ["²", "%00", "abc%00def", "9" * 40, "-1", "n-importe-quoi", "<script>", "%C2%B2%C2%B2"]


@pytest.fixture
def group_index(sections):
    return sections["projects.WorkingGroupIndexPage"]


@pytest.fixture
def needs_index(home):
    return ensure_section("projects.NeedsIndexPage")


@pytest.mark.django_db
@pytest.mark.parametrize("parameter", ["statut", "metier", "tag", "page"])
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_group_index_survives_hostile_values(reader_client, group_index, parameter, value):
    factories.WorkingGroupPageFactory(title="Groupe toujours listé")
    response = reader_client.get(f"{group_index.url}?{parameter}={value}")
    assert response.status_code == 200
    text = page_text(response)
    assert "Groupe toujours listé" in text
    if parameter != "page":
        assert "Certains filtres n’ont pas été appliqués" in text
        assert "Ce choix n’existe pas" in text


@pytest.mark.django_db
@pytest.mark.parametrize("parameter", ["statut", "tag", "page"])
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_needs_index_survives_hostile_values(reader_client, needs_index, parameter, value):
    factories.NeedsSheetPageFactory(title="Besoin toujours listé")
    response = reader_client.get(f"{needs_index.url}?{parameter}={value}")
    assert response.status_code == 200
    text = page_text(response)
    assert "Besoin toujours listé" in text
    if parameter != "page":
        assert "Statut : Ce choix n’existe pas." in text or "Mot-clé : Ce choix n’existe pas (ou plus)." in text


@pytest.mark.django_db
def test_a_valid_filter_still_applies_next_to_a_refused_one(reader_client, group_index):
    factories.WorkingGroupPageFactory(title="Groupe clos", status=GroupStatus.CLOSED)
    factories.WorkingGroupPageFactory(title="Groupe actif", status=GroupStatus.ACTIVE)
    text = page_text(reader_client.get(f"{group_index.url}?statut=closed&metier=%00"))
    assert "Groupe clos" in text and "Groupe actif" not in text
    assert "Métier représenté : Ce choix n’existe pas (ou plus)." in text


@pytest.mark.django_db
def test_group_index_filters_by_tag(reader_client, group_index):
    tagged = factories.WorkingGroupPageFactory(title="Groupe étiqueté")
    tagged.tags.add("amiante")
    tagged.save()
    factories.WorkingGroupPageFactory(title="Groupe sans étiquette")
    text = page_text(reader_client.get(f"{group_index.url}?tag=amiante"))
    assert "Groupe étiqueté" in text and "Groupe sans étiquette" not in text


@pytest.mark.django_db
def test_needs_status_counts(reader_client, needs_index):
    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED)
    factories.NeedsSheetPageFactory(status=NeedStatus.RETAINED)
    factories.NeedsSheetPageFactory(status=NeedStatus.SUBMITTED)
    factories.NeedsSheetPageFactory(status=NeedStatus.SUBMITTED, live=False)
    response = reader_client.get(needs_index.url + "?statut=retained")
    statuses = {value: count for value, _label, count in response.context["statuses"]}
    assert statuses == {"submitted": 1, "under_review": 0, "retained": 2, "not_retained": 0}
    assert response.context["selected_status"] == "retained"


# Restricted content -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_restricted_group_is_listed_only_for_members(reader_client, member_client, committee, group_index):
    factories.WorkingGroupPageFactory(title="Groupe ouvert")
    secret = factories.WorkingGroupPageFactory(title="Groupe du comité restreint")
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, group_index.url, "Groupe du comité restreint")


@pytest.mark.django_db
def test_restricted_sheet_is_listed_and_counted_only_for_members(reader_client, member_client, committee, needs_index):
    factories.NeedsSheetPageFactory(title="Besoin ouvert", status=NeedStatus.SUBMITTED)
    secret = factories.NeedsSheetPageFactory(title="Besoin confidentiel du comité", status=NeedStatus.RETAINED)
    restrict_page_to_groups(secret, committee)
    assert_shown_only_to_members(reader_client, member_client, needs_index.url, "Besoin confidentiel du comité")

    def retained_count(client):
        counts = {value: count for value, _label, count in client.get(needs_index.url).context["statuses"]}
        return counts["retained"]

    assert retained_count(reader_client) == 0
    assert retained_count(member_client) == 1


# Query budgets ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_group_index_query_budget(reader_client, group_index):
    psy = factories.MetierFactory(name="Psychologue du travail")

    def add_groups(count):
        for _ in range(count):
            group = factories.WorkingGroupPageFactory(metiers=[psy], referent=factories.PersonFactory())
            factories.WorkingGroupMemberFactory(page=group, role="pilot")
            factories.WorkingGroupMemberFactory(page=group)

    # 50 groups are more than a page: the page shows as many either way, the count differs.
    assert_query_budget(reader_client, group_index.url, add_groups)


@pytest.mark.django_db
def test_needs_index_query_budget(reader_client, needs_index):
    group = factories.WorkingGroupPageFactory()

    def add_sheets(count):
        for _ in range(count):
            factories.NeedsSheetPageFactory(submitted_by=factories.PersonFactory(), suggested_group=group)

    assert_query_budget(reader_client, needs_index.url, add_sheets)


@pytest.mark.django_db
def test_needs_index_lists_the_sheets_of_all_statuses_in_pages(reader_client, needs_index):
    for number in range(25):
        factories.NeedsSheetPageFactory(title=f"Besoin numéro {number:02d}")
    first = reader_client.get(needs_index.url)
    assert len(first.context["items"]) == 20
    second = reader_client.get(needs_index.url + "?page=2")
    assert len(second.context["items"]) == 5
    assert NeedsSheetPage.objects.count() == 25


@pytest.mark.django_db
def test_a_restricted_suggested_group_is_not_named_in_the_needs_list(
    reader_client, member_client, committee, needs_index
):
    secret = factories.WorkingGroupPageFactory(title="Groupe du comité restreint")
    restrict_page_to_groups(secret, committee)
    factories.NeedsSheetPageFactory(title="Besoin ouvert", suggested_group=secret)
    assert_shown_only_to_members(reader_client, member_client, needs_index.url, "Groupe du comité restreint")
