"""Every shared fragment holds nothing personal: rendered for two readers of different métiers, groups, follows
and subscriptions (but refused the same pages), a fragment under the same key is the same bytes. What a
fragment may differ by is what it declares it varies on, and that is in its key (base.page_cache)."""

import pytest
from django.template import engines

from accounts.roles import READERS
from base import page_cache
from participation.services.follows import follow
from personal_feeds.services import token_for
from projects.models import WorkingGroupMember
from tests import factories


@pytest.fixture
def rendered(monkeypatch):
    """Each fragment computed during a request, by key: nothing is served from the cache meanwhile."""
    fragments: dict[str, tuple[str, str]] = {}

    def computing(key, name, compute, timeout, storable):
        value = compute()
        if key.startswith("portal:shared:") and isinstance(value, str):
            fragments[key] = (name, value)
        return value

    monkeypatch.setattr(page_cache, "_through_cache", computing)
    return fragments


def _reader(django_user_model, roles, email, first_name, metier, group, role):
    user = django_user_model.objects.create_user(
        username=email.split("@")[0], email=email, password="motdepasse", first_name=first_name, last_name="Test"
    )
    user.groups.add(roles[READERS])
    person = factories.PersonFactory(user=user, first_name=first_name, last_name="Test", metier=metier)
    factories.WorkingGroupMemberFactory(page=group, person=person, role=role)
    return user


@pytest.fixture
def two_readers(django_user_model, roles, page_of_each_type):
    """Two readers refused the same pages, different in everything personal."""
    group = page_of_each_type["projects.WorkingGroupPage"]
    other_group = factories.WorkingGroupPageFactory(title="Groupe des pilotes")
    nurse = factories.MetierFactory(name="Infirmier en santé au travail")
    doctor = factories.MetierFactory(name="Médecin du travail")
    first = _reader(
        django_user_model, roles, "amandine@example.org", "Amandine", nurse, group, WorkingGroupMember.Role.PILOT
    )
    second = _reader(
        django_user_model, roles, "barnabe@example.org", "Barnabé", doctor, other_group, WorkingGroupMember.Role.MEMBER
    )
    follow(first, page_of_each_type["news.NewsIndexPage"])
    token_for(second)
    return first, second


def _addresses(pages) -> list[str]:
    urls = [page.url for page in pages.values()]
    listings = ("news.NewsIndexPage", "events.EventIndexPage", "knowledge.CaseStudyIndexPage")
    return urls + [pages[label].url + "?page=1" for label in listings]


def _fragments_of(client, user, urls, rendered) -> dict[str, tuple[str, str]]:
    rendered.clear()
    client.force_login(user)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    return dict(rendered)


def differing(first: dict, second: dict) -> list[str]:
    """Names of the fragments rendered under one key with other bytes for the second reader."""
    return sorted({name for key, (name, html) in first.items() if key in second and second[key][1] != html})


@pytest.mark.django_db
def test_a_fragment_under_one_key_is_the_same_for_every_reader(client, two_readers, page_of_each_type, rendered):
    first, second = two_readers
    urls = _addresses(page_of_each_type)
    for_first = _fragments_of(client, first, urls, rendered)
    for_second = _fragments_of(client, second, urls, rendered)

    assert differing(for_first, for_second) == []
    # The comparison covers every fragment of the portal that does not vary on the reader's métier.
    compared = {name for key, (name, _html) in for_first.items() if key in for_second}
    assert {
        "news-page",
        "case-study-page",
        "approach-page",
        "section-header",
        "news-listing",
        "event-listing",
        "case-study-listing",
        "group-listing",
        "approach-listing",
        "group-page-header",
        "group-page-top",
        "group-page-rest",
        "group-meetings",
        "home-key-figures",
    } <= compared
    # The home page's news vary on the métier, as the fragment declares: two keys, nothing shared.
    assert not any(name == "home-news-section" for key, (name, _html) in for_first.items() if key in for_second)


@pytest.mark.django_db
def test_a_personal_detail_inside_a_fragment_would_be_caught(client, two_readers, rendered):
    """The comparison above fails for a fragment showing something personal (here, the reader's first name)."""
    first, second = two_readers
    template = engines["django"].from_string(
        '{% load page_cache_tags %}{% shared "probe" %}Bonjour {{ request.user.first_name }}{% endshared %}'
    )
    fragments = []
    for user in (first, second):
        rendered.clear()
        client.force_login(user)
        request = client.get("/").wsgi_request
        request.user = user
        template.render({}, request)
        fragments.append(dict(rendered))
    assert differing(*fragments) == ["probe"]
