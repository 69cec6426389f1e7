"""Finding and creating directory entries; what the directory and a person's card show."""

from django.db import transaction
from django.http import Http404

from base.memo import request_memo
from base.services.listing import listing_context
from base.text import fold

from .models import DirectoryPage, Metier, Person

PEOPLE_PER_PAGE = 30
_DIRECTORY_ATTRIBUTE = "_portal_directory_page"
_READER_PERSON_ATTRIBUTE = "_portal_reader_person"


def person_for_user(user) -> Person:
    """The directory entry of an account, created from the account's names when missing."""
    person = Person.objects.filter(user=user).first()
    if person is not None:
        return person
    person = Person.objects.filter(email__iexact=user.email, user__isnull=True).first() if user.email else None
    if person is None:
        first_name = user.first_name or user.email.split("@")[0]
        person = Person(first_name=first_name, last_name=user.last_name or "", email=user.email)
    person.user = user
    person.save()
    return person


# Civilities and titles that come before a name in documents ("Dr Fabrice ROY", "Mme Laura DELELIGNE").
NAME_TITLES = {"dr", "docteur", "pr", "professeur", "m", "mr", "monsieur", "mme", "madame", "mlle", "mademoiselle"}


def _without_titles(parts: list[str]) -> list[str]:
    while len(parts) > 1 and fold(parts[0]).rstrip(".") in NAME_TITLES:
        parts = parts[1:]
    return parts


def _is_surname_case(word: str) -> bool:
    """Surnames are often written in capitals: "DELELIGNE", "SKOURY-RENARD"."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def split_full_name(full_name: str) -> tuple[str, str]:
    """'Laura Deleligne' → ('Laura', 'Deleligne'); 'Mme Olivia SKOURY-RENARD' → ('Olivia', 'Skoury-Renard');
    'ROY Fabrice' → ('Fabrice', 'Roy'). Titles are dropped, surnames in capitals are recognised wherever they are."""
    parts = _without_titles(full_name.split())
    if len(parts) < 2:
        return (parts[0] if parts else "", "")
    capitals = [part for part in parts if _is_surname_case(part)]
    if capitals and len(capitals) < len(parts):
        first = [part for part in parts if not _is_surname_case(part)]
        return " ".join(first), " ".join(part.title() for part in capitals)
    return " ".join(parts[:-1]), parts[-1]


def find_or_create_person(full_name: str) -> Person:
    """Match a name in the directory without regard to case, accents, titles or name order; add it when unknown."""
    first_name, last_name = split_full_name(" ".join(full_name.split()))
    candidates = {
        fold(f"{first_name} {last_name}"),
        fold(f"{last_name} {first_name}"),
        fold(" ".join(full_name.split())),
    }
    person = Person.objects.filter(folded_name__in=candidates).order_by("pk").first()
    if person is not None:
        return person
    return Person.objects.create(first_name=first_name, last_name=last_name)


@transaction.atomic
def find_or_create_metier(name: str) -> Metier:
    """Match a métier by name without regard to case or accents; create it when new."""
    folded = fold(" ".join(name.split()))
    metier = Metier.objects.filter(folded_name=folded).first()
    if metier is not None:
        return metier
    return Metier.objects.create(name=" ".join(name.split()))


def reader_person(request) -> Person | None:
    """The signed-in reader's directory entry (with its métier), looked up once per request."""
    if hasattr(request, _READER_PERSON_ATTRIBUTE):
        return getattr(request, _READER_PERSON_ATTRIBUTE)
    user = getattr(request, "user", None)
    person = None
    if user is not None and user.is_authenticated:
        person = Person.objects.filter(user=user).select_related("metier").first()
    setattr(request, _READER_PERSON_ATTRIBUTE, person)
    return person


def directory_url(request) -> str:
    """The directory's URL: from the menu's sections when the directory is one of them, else looked up;
    once per request."""
    return request_memo(request, "directory_url", lambda: _find_directory_url(request))


def _find_directory_url(request) -> str:
    from django.contrib.contenttypes.models import ContentType

    from base.context_processors import main_sections

    directory_type = ContentType.objects.get_for_model(DirectoryPage).pk
    for section in main_sections(request) if request is not None else []:
        if section.content_type_id == directory_type:
            return section.get_url(request) or ""
    directory = directory_page(request)
    return (directory.get_url(request) or "") if directory is not None else ""


def directory_page(request=None) -> DirectoryPage | None:
    """The live directory page, looked up once per request (None when the site has none)."""
    if request is not None and hasattr(request, _DIRECTORY_ATTRIBUTE):
        return getattr(request, _DIRECTORY_ATTRIBUTE)
    directory = DirectoryPage.objects.live().first()
    if request is not None:
        setattr(request, _DIRECTORY_ATTRIBUTE, directory)
    return directory


def remember_directory(request, directory: DirectoryPage) -> None:
    """The directory page serving this request, so that person links cost no extra query."""
    if request is not None:
        setattr(request, _DIRECTORY_ATTRIBUTE, directory)


def directory_context(request, directory: DirectoryPage) -> dict:
    """The directory listing: people filtered by text, métier and site, one page of results."""
    from .filters import DirectoryFilterSet

    remember_directory(request, directory)
    people = Person.objects.select_related("metier", "photo").order_by("last_name", "first_name", "pk")
    context = listing_context(request, people, DirectoryFilterSet, per_page=PEOPLE_PER_PAGE)
    filters = context["filters"]
    context.update(
        people=context["items"],
        query=filters.form["q"].value() if filters.is_bound and "q" not in filters.form.errors else "",
    )
    return context


def person_context(request, directory: DirectoryPage, person_id: int) -> dict:
    """A person's card: their entry and the working groups the reader may see (as member or referent)."""
    from projects.models import WorkingGroupPage

    remember_directory(request, directory)
    person = Person.objects.select_related("metier", "photo", "user").filter(pk=person_id).first()
    if person is None:
        raise Http404
    visible_groups = WorkingGroupPage.objects.visible_to(request)
    memberships = (
        person.group_memberships.filter(page__in=visible_groups.values("pk"))
        .select_related("page")
        .order_by("page__title", "pk")
    )
    return {
        "person": person,
        "memberships": list(memberships),
        "referent_groups": list(visible_groups.filter(referent=person).order_by("title")),
    }
