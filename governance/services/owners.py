"""Who answers for a page (its responsable): the person chosen for it, else the default of its type, else the
first of a fallback chain when that person has left (no account, or an account deactivated).

    chosen owner → default of the type → last publisher → pilot of the page's working group → project officers

Defaults of the types: a working group, its first pilot; a news item, its author; a case study or an approach,
the account that created the page; a needs sheet, the project officers. Everything is read in bulk: the owners
of a thousand pages cost the same few queries as one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, Q
from wagtail.models import Page, Revision, get_page_models

from accounts.role_names import PROJECT_OFFICERS
from base.memo import request_memo
from base.models import PortalPage, SectionIndexPage
from documents.models import DocumentLibraryPage
from knowledge.models import ApproachPage, CaseStudyPage
from news.models import NewsPage
from people.models import Person
from projects.models import NeedsSheetPage, WorkingGroupMember, WorkingGroupPage

from ..choices import OwnerSource
from ..models import PageStewardship


@dataclass(frozen=True)
class Owner:
    """A page's responsable: a person of the directory, or (person None) the project officers as a whole."""

    person: Person | None
    source: str

    @property
    def is_officers(self) -> bool:
        return self.person is None

    @property
    def source_label(self) -> str:
        return OwnerSource(self.source).label


# The project officers as a whole: by default for a needs sheet, at the end of the chain for any other page.
OFFICERS_BY_DEFAULT = Owner(None, OwnerSource.DEFAULT)
OFFICERS = Owner(None, OwnerSource.OFFICERS)


def is_governed_type(model) -> bool:
    """Whether pages of this type have a responsable, a review and readers' feedback: every content page
    (section lists, the home page and the directory are made of other pages), and the document library."""
    if model is None or not issubclass(model, PortalPage):
        return False
    return not issubclass(model, SectionIndexPage) or issubclass(model, DocumentLibraryPage)


def is_governed(page) -> bool:
    return is_governed_type(type(getattr(page, "specific", page)))


def governed_pages():
    """The live pages of the governed types, as a page queryset (specific() left to the caller)."""
    return Page.objects.live().type(*[model for model in get_page_models() if is_governed_type(model)])


def is_present(person: Person | None) -> bool:
    """A person still in the service: in the directory with an active account."""
    return person is not None and person.user_id is not None and person.user.is_active


def project_officers():
    """The active accounts of the project officers."""
    return get_user_model().objects.filter(groups__name=PROJECT_OFFICERS, is_active=True).distinct().order_by("pk")


def owner_of(page) -> Owner:
    """The responsable of one page."""
    page = getattr(page, "specific", page)
    return resolve_owners([page])[page.pk]


def stewardships(page_ids) -> dict[int, PageStewardship]:
    """The stewardship rows of these pages, with their chosen responsable, by page id."""
    return {row.page_id: row for row in PageStewardship.objects.for_pages(page_ids).select_related("owner__user")}


def resolve_owners(pages, rows: dict[int, PageStewardship] | None = None) -> dict[int, Owner]:
    """The responsable of each of these (specific) pages, by page id, in a constant number of queries; `rows`:
    their stewardships when the caller has read them (stewardships())."""
    pages = [getattr(page, "specific", page) for page in pages]
    if not pages:
        return {}
    rows = stewardships([page.pk for page in pages]) if rows is None else rows
    owners: dict[int, Owner] = {}
    # Each step reads only for the pages the steps before left without a responsable still in the service.
    rest = []
    for page in pages:
        row = rows.get(page.pk)
        if row is not None and is_present(row.owner):
            owners[page.pk] = Owner(row.owner, OwnerSource.CHOSEN)
        elif isinstance(page, NeedsSheetPage):
            owners[page.pk] = OFFICERS_BY_DEFAULT
        else:
            rest.append(page)
    if not rest:
        return owners

    pilots = _first_pilots(_group_ids(rest))
    author_ids = {page.author_id for page in rest if isinstance(page, NewsPage) and page.author_id}
    by_pk, by_user = _people(author_ids, {page.owner_id for page in rest if page.owner_id})
    rest = _settle(rest, owners, OwnerSource.DEFAULT, lambda page: _type_default(page, pilots, by_pk, by_user))
    if not rest:
        return owners

    revision_ids = [page.live_revision_id for page in rest if page.live_revision_id]
    publishers = dict(Revision.objects.filter(pk__in=revision_ids).values_list("pk", "user_id")) if revision_ids else {}
    _, publisher_people = _people(set(), set(publishers.values()) - set(by_user) - {None})
    by_user.update(publisher_people)
    rest = _settle(
        rest, owners, OwnerSource.LAST_PUBLISHER, lambda page: by_user.get(publishers.get(page.live_revision_id))
    )
    if not rest:
        return owners

    # A working group's own pilots were read above: only other pages look for the group they are in.
    groups_by_path = _ancestor_groups([page for page in rest if not isinstance(page, WorkingGroupPage)])
    pilots.update(_first_pilots({group.pk for group in groups_by_path.values()} - set(pilots)))

    def group_pilot(page):
        group = _nearest_group(page, groups_by_path)
        return pilots.get(group.pk) if group else None

    for page in _settle(rest, owners, OwnerSource.GROUP_PILOT, group_pilot):
        owners[page.pk] = OFFICERS
    return owners


def _settle(pages, owners, source, candidate) -> list:
    """Give each page its candidate when still in the service; the pages left without one."""
    left = []
    for page in pages:
        person = candidate(page)
        if is_present(person):
            owners[page.pk] = Owner(person, source)
        else:
            left.append(page)
    return left


def _people(person_ids: set, user_ids: set) -> tuple[dict, dict]:
    """People by id and by account id (one query, none when there is nothing to read)."""
    if not person_ids and not user_ids:
        return {}, {}
    people = list(Person.objects.filter(Q(pk__in=person_ids) | Q(user_id__in=user_ids)).select_related("user"))
    return {person.pk: person for person in people}, {person.user_id: person for person in people if person.user_id}


def _type_default(page, pilots, by_pk, by_user) -> Person | None:
    if isinstance(page, WorkingGroupPage):
        return pilots.get(page.pk)
    if isinstance(page, NewsPage):
        return by_pk.get(page.author_id) or by_user.get(page.owner_id)
    if isinstance(page, CaseStudyPage | ApproachPage):
        return by_user.get(page.owner_id)
    return None


def _group_ids(pages) -> set[int]:
    return {page.pk for page in pages if isinstance(page, WorkingGroupPage)}


def _ancestor_paths(page) -> list[str]:
    return [page.path[:end] for end in range(page.steplen, len(page.path), page.steplen)]


def _ancestor_groups(pages) -> dict[str, WorkingGroupPage]:
    paths = {path for page in pages for path in _ancestor_paths(page)}
    if not paths:
        return {}
    return {group.path: group for group in WorkingGroupPage.objects.filter(path__in=paths).only("pk", "path")}


def _nearest_group(page, groups_by_path) -> WorkingGroupPage | None:
    for path in reversed(_ancestor_paths(page)):
        if path in groups_by_path:
            return groups_by_path[path]
    return None


def _first_pilots(group_ids) -> dict[int, Person]:
    """The first pilot still in the service of each group (in the page's order of members)."""
    if not group_ids:
        return {}
    members = WorkingGroupMember.objects.filter(page_id__in=group_ids, role=WorkingGroupMember.Role.PILOT)
    pilots: dict[int, Person] = {}
    for member in members.select_related("person__user").order_by("page_id", "sort_order", "pk"):
        if member.page_id not in pilots and is_present(member.person):
            pilots[member.page_id] = member.person
    return pilots


def owner_accounts(owner: Owner) -> list:
    """The accounts that answer for a page: its responsable's, or every project officer's."""
    if owner.person is not None:
        return [owner.person.user] if is_present(owner.person) else []
    return list(project_officers())


def answers_for(owner: Owner, user) -> bool:
    """Whether this account answers for a page of this responsable (project officers answer for every page)."""
    if not user.is_authenticated:
        return False
    if owner.person is not None and owner.person.user_id == user.pk:
        return True
    return is_project_officer(user)


def is_project_officer(user) -> bool:
    """A project officer (or a superuser), read once per account object."""

    def compute() -> bool:
        return user.is_active and (user.is_superuser or user.groups.filter(name=PROJECT_OFFICERS).exists())

    return request_memo(user, "governance_is_project_officer", compute)


def answers_by_choice_or_default(user) -> bool:
    """Whether the account is a project officer, or its person the chosen or default responsable of some page
    (one query)."""
    if user.is_superuser:
        return True
    pilot = Q(group_memberships__role=WorkingGroupMember.Role.PILOT)
    as_person = Person.objects.filter(Q(stewarded_pages__isnull=False) | Q(news__isnull=False) | pilot, user=user)
    created = Page.objects.filter(owner=user).type(NewsPage, CaseStudyPage, ApproachPage)
    return (
        get_user_model()
        .objects.filter(pk=user.pk, is_active=True)
        .filter(Q(groups__name=PROJECT_OFFICERS) | Exists(as_person) | Exists(created))
        .exists()
    )


def pages_answered_by_person(person: Person) -> list[int]:
    """Ids of the pages this person answers for by choice or by default (when they leave, these need a look)."""
    ids = set(PageStewardship.objects.filter(owner=person).values_list("page_id", flat=True))
    ids |= set(NewsPage.objects.filter(author=person).values_list("pk", flat=True))
    ids |= set(
        WorkingGroupMember.objects.filter(person=person, role=WorkingGroupMember.Role.PILOT).values_list(
            "page_id", flat=True
        )
    )
    if person.user_id:
        ids |= set(
            Page.objects.filter(owner_id=person.user_id)
            .type(NewsPage, CaseStudyPage, ApproachPage)
            .values_list("pk", flat=True)
        )
    return sorted(ids)
