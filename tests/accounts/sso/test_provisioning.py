"""What a sign-in through the organisation's identity provider does to the portal's accounts, on both protocols."""

from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from accounts.roles import PILOTS, PROJECT_OFFICERS, READERS
from people.models import Person
from tests.utils import page_text

from .http_flows import signed_in_user_name

User = get_user_model()
CAMILLE = "camille.lefort@ast62-59.fr"


def role_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_first_sign_in_creates_the_account_its_directory_entry_and_roles(live_server, idp, roles, visitor):
    landing = idp.sign_in(visitor, live_server.url, "camille")

    assert landing.url == f"{live_server.url}/"
    assert signed_in_user_name(visitor, live_server.url) == "Camille Lefort"
    user = User.objects.get(email=CAMILLE)
    assert (user.first_name, user.last_name, user.is_active) == ("Camille", "Lefort", True)
    assert role_names(user) == {READERS, PILOTS}, "Lecteurs by default, Pilotes from the group GG-Intranet-Pilotes"
    person = Person.objects.get(user=user)
    assert (person.first_name, person.last_name) == ("Camille", "Lefort")
    assert (person.metier.name, person.site, person.email) == ("Infirmier en santé au travail", "Arras", CAMILLE)
    assert SocialAccount.objects.get(user=user).provider == idp.provider


def test_a_later_sign_in_updates_the_profile_and_roles_follow_the_idp(live_server, idp, roles, visitor):
    idp.sign_in(visitor, live_server.url, "camille")
    user = User.objects.get(email=CAMILLE)
    User.objects.filter(pk=user.pk).update(last_name="Nom changé")
    Person.objects.filter(user=user).update(site="Ancien site", metier=None)
    user.groups.add(roles[PROJECT_OFFICERS])  # granted by an administrator in the portal
    # The IdP's group GG-Intranet-Pilotes no longer gives the Pilotes role.
    idp.reconfigure(roles={})

    visitor.cookies.clear()
    idp.sign_in(visitor, live_server.url, "camille")

    user.refresh_from_db()
    person = Person.objects.get(user=user)
    assert user.last_name == "Lefort"
    assert (person.site, person.metier.name) == ("Arras", "Infirmier en santé au travail")
    assert role_names(user) == {READERS, PROJECT_OFFICERS}, "the IdP took Pilotes back; the local role stays"
    assert User.objects.filter(email__iexact=CAMILLE).count() == 1


def test_an_existing_account_with_the_same_address_is_linked_not_duplicated(live_server, idp, roles, visitor):
    existing = User.objects.create_user(username="kbenali", email="Karim.Benali@ast62-59.fr", password="x-local-1")
    Person.objects.create(first_name="Karim", last_name="Benali", user=existing, job_title="Médecin délégué")

    idp.sign_in(visitor, live_server.url, "karim")

    assert User.objects.filter(email__iexact="karim.benali@ast62-59.fr").count() == 1
    assert SocialAccount.objects.get(provider=idp.provider).user_id == existing.pk
    assert signed_in_user_name(visitor, live_server.url) == "Karim Benali"
    person = Person.objects.get(user=existing)
    assert (person.job_title, person.site) == ("Médecin délégué", "Lens"), "the directory entry is kept, and updated"
    assert Person.objects.filter(last_name="Benali").count() == 1


def test_the_session_key_changes_at_sign_in(live_server, idp, roles, visitor):
    anonymous = []  # the session that holds the pending sign-in's state, while the browser is at the IdP
    idp.sign_in(visitor, live_server.url, "camille", at_idp=lambda: anonymous.append(visitor.cookies["sessionid"]))

    assert signed_in_user_name(visitor, live_server.url) == "Camille Lefort"
    assert anonymous and visitor.cookies["sessionid"] != anonymous[0]


def test_a_domain_that_is_not_allowed_is_refused(live_server, idp, roles, visitor):
    answer = idp.sign_in(visitor, live_server.url, "invite")

    assert answer.status_code == 403
    assert "Les adresses du domaine « exemple.com » ne peuvent pas se connecter" in page_text(answer)
    assert signed_in_user_name(visitor, live_server.url) is None
    assert not User.objects.filter(email="invite@exemple.com").exists()


def test_a_deactivated_account_is_refused(live_server, idp, roles, visitor):
    User.objects.create_user(username="clefort", email=CAMILLE, is_active=False)

    answer = idp.sign_in(visitor, live_server.url, "camille")

    assert answer.status_code == 403
    assert "Votre compte est désactivé" in page_text(answer)
    assert signed_in_user_name(visitor, live_server.url) is None
