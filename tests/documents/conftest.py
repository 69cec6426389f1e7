"""The document library section and a folder restricted to the committee, for the documents' tests."""

import pytest
from wagtail.models import Collection

from home.services.site_tree import ensure_section
from tests.utils import restrict_collection_to_groups


@pytest.fixture
def library(home):
    return ensure_section("documents.DocumentLibraryPage")


@pytest.fixture
def committee_folder(db, committee):
    folder = Collection.get_first_root_node().add_child(name="Dossier du comité")
    restrict_collection_to_groups(folder, committee)
    return folder
