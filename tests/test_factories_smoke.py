"""Every factory builds a live page in its section, so other tests can rely on them."""

import pytest

from tests import factories


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory_class",
    [
        factories.NewsPageFactory,
        factories.EventPageFactory,
        factories.WorkingGroupPageFactory,
        factories.MicroProjectPageFactory,
        factories.NeedsSheetPageFactory,
        factories.ServiceProjectPageFactory,
        factories.ApproachPageFactory,
        factories.CaseStudyPageFactory,
    ],
)
def test_factory_builds_a_live_page_under_the_home_page(factory_class, home):
    page = factory_class()
    assert page.live
    assert page.get_ancestors().filter(pk=home.pk).exists()
    assert page.url.startswith("/")
