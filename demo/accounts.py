"""One demo account per persona, each linked to its directory entry.

The passwords are fixed and printed: demo accounts only exist where settings.PORTAL_DEMO is true.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import ADMINISTRATORS, PROJECT_OFFICERS, READERS
from base.text import fold
from people.models import Person

from .directory import save_if_changed


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


def _ensure_user(account: DemoAccount, person: Person, role: Group):
    User = get_user_model()
    values = {
        "username": account.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "is_staff": account.administrator,
        "is_superuser": account.administrator,
        "is_active": True,
    }
    user = User.objects.filter(email__iexact=account.email).first()
    if user is None:
        user = User(email=account.email, **values)
        user.set_password(account.password)
        user.save()
    else:
        save_if_changed(user, values)
        # Checking costs a hash; setting would change the salt, hence the stored value, at every load.
        if not user.check_password(account.password):
            user.set_password(account.password)
            user.save(update_fields=["password"])
    user.groups.add(role)
    EmailAddress.objects.get_or_create(user=user, email=account.email, defaults={"verified": True, "primary": True})
    return user


def ensure_accounts(people: dict[str, Person], roles: dict[str, Group]) -> list[DemoAccount]:
    for account in DEMO_ACCOUNTS:
        person = people[fold(account.person)]
        user = _ensure_user(account, person, roles[account.role])
        save_if_changed(person, {"user": user, "email": account.email})
    return list(DEMO_ACCOUNTS)
