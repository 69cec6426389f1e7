"""Fixtures of the personal feeds: secrets of the personas, a working group, restricted content."""

import pytest

from personal_feeds.services import token_for
from tests import factories


@pytest.fixture
def reader_secret(reader):
    return token_for(reader)[0].secret


@pytest.fixture
def member_secret(committee_member):
    return token_for(committee_member)[0].secret


@pytest.fixture
def group(sections):
    return factories.WorkingGroupPageFactory(title="Groupe Prévention des risques")


@pytest.fixture
def secret_group(sections, committee):
    """A working group restricted to the committee."""
    from tests.utils import restrict_page_to_groups

    page = factories.WorkingGroupPageFactory(title="Groupe confidentiel")
    restrict_page_to_groups(page, committee)
    return page


def personal_url(secret: str, name: str) -> str:
    return f"/flux/personnel/{secret}/{name}"
