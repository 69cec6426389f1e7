"""One piece of content of every kind, built once per module and rolled back at its end.

The property-based tests of this folder send thousands of requests; building the site tree for each
example would cost more than the requests themselves. The data lives in a transaction opened for the
module; each test runs in a savepoint inside it (pytest-django), so what a test writes is undone after it.
"""

import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from tests import factories, sample_files
from tests.utils import restrict_page_to_groups


def _build():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from accounts.roles import PROJECT_OFFICERS, READERS, ensure_roles
    from home.services.site_tree import ensure_sections
    from participation.models import Notification
    from personal_feeds.services import token_for

    sections = ensure_sections()
    roles = ensure_roles()
    users = get_user_model().objects
    reader = users.create_user(
        username="lecteur", email="lecteur@example.org", password="x", first_name="Lina", last_name="Lecteur"
    )
    reader.groups.add(roles[READERS])
    officer = users.create_user(
        username="charge", email="charge@example.org", password="x", first_name="Laura", last_name="Chargée"
    )
    officer.groups.add(roles[PROJECT_OFFICERS])
    committee = Group.objects.create(name="Comité stratégique")

    metier = factories.MetierFactory(name="Infirmier")
    group = factories.WorkingGroupPageFactory(title="Groupe ergonomie", metiers=[metier])
    factories.WorkingGroupMeetingFactory(page=group)
    news = factories.NewsPageFactory(title="Actualité ergonomie", working_group=group, metiers=[metier])
    news.tags.add("ergonomie")
    news.save()
    secret = factories.NewsPageFactory(title="Note réservée au comité", summary="Confidentiel.")
    restrict_page_to_groups(secret, committee)
    event = factories.EventPageFactory(title="Réunion ergonomie", metiers=[metier])
    factories.EventPageFactory(title="Réunion passée", start=timezone.now() - datetime.timedelta(days=40))
    sheet = factories.NeedsSheetPageFactory(title="Besoin ergonomie")
    factories.CaseStudyPageFactory(title="Étude ergonomie", territory="Arras")
    factories.ApproachPageFactory(title="Démarche ergonomie")
    factories.MicroProjectPageFactory(parent=group)
    document = factories.make_document("protocole.pdf", sample_files.pdf_bytes("Protocole ergonomie"))
    image = factories.ImageFactory()
    person = factories.PersonFactory(user=reader, first_name="Lina", last_name="Lecteur", site="Arras")
    Notification.objects.create(recipient=reader, page=news, kind="publication", message="Nouvelle actualité", key="a")
    token, secret_text = token_for(reader)
    return {
        "sections": sections,
        "reader": reader,
        "officer": officer,
        "metier": metier,
        "group": group,
        "news": news,
        "event": event,
        "sheet": sheet,
        "document": document,
        "image": image,
        "person": person,
        "feed_secret": secret_text or token.secret,
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The module's content (see the module docstring), keyed by kind."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build()
        transaction.set_rollback(True)


@pytest.fixture
def reader_client(world, db):
    client = Client()
    client.force_login(world["reader"])
    return client


@pytest.fixture
def officer_client(world, db):
    client = Client()
    client.force_login(world["officer"])
    return client
