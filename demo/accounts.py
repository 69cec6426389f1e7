"""One demo account per persona, each linked to its directory entry.

The passwords are fixed and printed: demo accounts only exist where settings.PORTAL_DEMO is true. A password
changed since is never set back: it is the account holder's.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import ADMINISTRATORS, PROJECT_OFFICERS, READERS
from base.text import fold
from people.models import Person


@dataclass(frozen=True)
class DemoAccount:
    persona: str
    email: str
    password: str
    person: str
    role: str
    administrator: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("Lecteur (infirmière)", "lecteur@example.org", "lecteur-demo", "Camille Lefort", READERS),
    DemoAccount("Pilote de groupe", "pilote@example.org", "pilote-demo", "Claire Vasseur", READERS),
    DemoAccount("Chargée de projet", "charge@example.org", "charge-demo", "Laura Deleligne", PROJECT_OFFICERS),
    DemoAccount("Administrateur", "admin@example.org", "admin-demo", "Mathieu Fontaine", ADMINISTRATORS, True),
)


@dataclass(frozen=True)
class LoadedAccount:
    """A demo account as this load left it."""

    account: DemoAccount
    created: bool
    # Changed since it was created (in "Mon compte" or by an administrator): kept, so not printed.
    password_changed: bool = False


def _create_user(account: DemoAccount, person: Person, role: Group):
    user = get_user_model()(
        email=account.email,
        username=account.email,
        first_name=person.first_name,
        last_name=person.last_name,
        is_staff=account.administrator,
        is_superuser=account.administrator,
        is_active=True,
    )
    user.set_password(account.password)
    user.save()
    user.groups.add(role)
    EmailAddress.objects.get_or_create(user=user, email=account.email, defaults={"verified": True, "primary": True})
    if person.user_id is None:
        person.user, person.email = user, account.email
        person.save(update_fields=["user", "email"])
    return user


def ensure_accounts(people: dict[str, Person], roles: dict[str, Group]) -> list[LoadedAccount]:
    """The missing demo accounts created with their demo password; an account already there (same e-mail) is
    left as it is: names, roles, password, directory entry. Its password is only checked, to say whether the
    printed one still signs in."""
    loaded = []
    for account in DEMO_ACCOUNTS:
        user = get_user_model().objects.filter(email__iexact=account.email).first()
        if user is None:
            _create_user(account, people[fold(account.person)], roles[account.role])
            loaded.append(LoadedAccount(account, created=True))
        else:
            loaded.append(
                LoadedAccount(account, created=False, password_changed=not user.check_password(account.password))
            )
    return loaded
