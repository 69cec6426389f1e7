"""Finding and creating directory entries; the reader's own entry; where the directory is."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from base.context_processors import main_sections
from base.memo import request_memo
from base.text import fold

from ..models import DirectoryPage, Metier, Person


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


def set_own_phone(user, phone: str) -> Person | None:
    """Write the account's own phone number on its directory card; None when the account has no card."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        return None
    person.phone = phone
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
    return request_memo(request, "reader_person", lambda: _find_reader_person(request))


def _find_reader_person(request) -> Person | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).select_related("metier").first()


def directory_url(request) -> str:
    """The directory's URL: from the menu's sections when the directory is one of them, else looked up;
    once per request."""
    return request_memo(request, "directory_url", lambda: _find_directory_url(request))


def _find_directory_url(request) -> str:
    directory_type = ContentType.objects.get_for_model(DirectoryPage).pk
    for section in main_sections(request) if request is not None else []:
        if section.content_type_id == directory_type:
            return section.get_url(request) or ""
    directory = directory_page(request)
    return (directory.get_url(request) or "") if directory is not None else ""


def directory_page(request=None) -> DirectoryPage | None:
    """The live directory page, looked up once per request (None when the site has none)."""
    return DirectoryPage.for_request(request)
