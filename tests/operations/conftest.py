import pytest

from tests.operations.databases import database_copy


@pytest.fixture(scope="module")
def site_folder(tmp_path_factory, django_db_setup, django_db_blocker):
    """(folder, DATABASE_URL) of a private site: its own database copy, media and var folders."""
    folder = tmp_path_factory.mktemp("site")
    with django_db_blocker.unblock(), database_copy(folder) as url:
        yield folder, url
