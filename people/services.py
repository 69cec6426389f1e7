"""Finding and creating directory entries."""

from django.db import transaction

from base.text import fold

from .models import Metier, Person


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


def split_full_name(full_name: str) -> tuple[str, str]:
    """'Laura Deleligne' → ('Laura', 'Deleligne'); 'Dr Fabrice Roy' keeps the title with the first name."""
    parts = full_name.split()
    if len(parts) < 2:
        return (parts[0] if parts else "", "")
    return " ".join(parts[:-1]), parts[-1]


def find_or_create_person(full_name: str) -> Person:
    """Match a name in the directory without regard to case or accents; add the person when unknown."""
    folded = fold(" ".join(full_name.split()))
    person = Person.objects.filter(folded_name=folded).first()
    if person is not None:
        return person
    first_name, last_name = split_full_name(full_name.strip())
    return Person.objects.create(first_name=first_name, last_name=last_name)


@transaction.atomic
def find_or_create_metier(name: str) -> Metier:
    """Match a métier by name without regard to case or accents; create it when new."""
    folded = fold(" ".join(name.split()))
    metier = Metier.objects.filter(folded_name=folded).first()
    if metier is not None:
        return metier
    return Metier.objects.create(name=" ".join(name.split()))
