"""A departed person's contributions kept without their name: their account and directory card show
« Ancien·ne membre du personnel » wherever they appeared (comments, needs sheets, supports, news authors,
page owners), their contact details are removed, and the account can no longer sign in."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.log_actions import log

from people.models import Person
from personal_feeds.models import FeedToken

FORMER_FIRST_NAME = "Ancien·ne membre"
FORMER_LAST_NAME = "du personnel"
FORMER_NAME = f"{FORMER_FIRST_NAME} {FORMER_LAST_NAME}"
ACTION = "legal.anonymise"


@dataclass
class Anonymised:
    account_id: int
    cards: int


def is_anonymised(user) -> bool:
    return not user.is_active and user.first_name == FORMER_FIRST_NAME and user.last_name == FORMER_LAST_NAME


@transaction.atomic
def anonymise_account(user, *, by) -> Anonymised:
    """Replace the person's name everywhere it is shown, keep what they wrote, deactivate the account and
    record who did it in the audit log. Running it again changes nothing more."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    user.first_name, user.last_name = FORMER_FIRST_NAME, FORMER_LAST_NAME
    user.email = f"ancien-membre-{user.pk}@anonyme.invalid"
    user.username = f"ancien-membre-{user.pk}"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    FeedToken.objects.filter(user=user).delete()
    cards = 0
    for person in Person.objects.filter(user=user):
        anonymise_card(person)
        cards += 1
    log(instance=user, action=ACTION, user=by)
    return Anonymised(account_id=user.pk, cards=cards)


def anonymise_card(person: Person) -> None:
    """The directory card keeps the person's place (authors, sheets, groups point to it) without who they were."""
    person.first_name, person.last_name = FORMER_FIRST_NAME, FORMER_LAST_NAME
    person.job_title = person.site = person.email = person.phone = person.sector_delegate_for = ""
    person.biography = ""
    person.photo = None
    person.save()
