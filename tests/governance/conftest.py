"""Accounts with a directory card, and publishing as an editor, for the governance tests."""

import pytest


@pytest.fixture
def person_of():
    """The directory card of an account (created once)."""
    from people.models import Person

    def card(user):
        person, _ = Person.objects.get_or_create(
            user=user, defaults={"first_name": user.first_name, "last_name": user.last_name}
        )
        return person

    return card


@pytest.fixture
def owned_page(sections, reader, person_of):
    """A case study whose responsable is the reader."""
    from governance.services.reviews import set_owner
    from tests.factories import CaseStudyPageFactory

    page = CaseStudyPageFactory(title="Étude de cas Bruit en atelier")
    set_owner(page, person_of(reader))
    return page
