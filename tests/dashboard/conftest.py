import pytest


@pytest.fixture
def dashboard(sections):
    return sections["dashboard.DashboardPage"]
