"""A real SMTP server on loopback (aiosmtpd) and the accounts and pages the participation tests share."""

import socket
from email import message_from_bytes, policy

import pytest
from django.test import override_settings


class Inbox:
    """What the loopback SMTP server received, as parsed messages."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_settings(port: int):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_TIMEOUT=5,
    )


def start_server(port: int, inbox: Inbox):
    from aiosmtpd.controller import Controller

    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


@pytest.fixture
def smtp():
    """The inbox of an SMTP server on a free loopback port, with Django's SMTP backend pointed at it."""
    inbox, port = Inbox(), free_port()
    controller = start_server(port, inbox)
    with smtp_settings(port):
        yield inbox
    controller.stop()


@pytest.fixture
def group(sections):
    from tests.factories import WorkingGroupPageFactory

    return WorkingGroupPageFactory(title="Groupe Prévention des risques")


@pytest.fixture
def draft_in_group(group):
    from tests.factories import MicroProjectPageFactory

    return MicroProjectPageFactory(parent=group, title="Micro-projet Bruit", live=False)


def make_member(group, user, role="member"):
    from tests.factories import PersonFactory, WorkingGroupMemberFactory

    person = PersonFactory(user=user)
    return WorkingGroupMemberFactory(page=group, person=person, role=role)


def fresh(user):
    """The account read again: visibility remembered on the old object is forgotten."""
    return type(user).objects.get(pk=user.pk)
