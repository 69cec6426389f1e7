"""« Anonymiser » in the administration's list of accounts, for administrators, and its audit log entry."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .services.anonymise import ACTION
from .views.anonymise import ANONYMISE_PERMISSION, anonymise

URL_NAME = "legal_anonymise_account"


@hooks.register("register_admin_urls")
def anonymise_urls():
    return [path("comptes/<int:user_id>/anonymiser/", anonymise, name=URL_NAME)]


@hooks.register("register_user_listing_buttons")
def anonymise_button(user, request_user):
    if request_user.has_perm(ANONYMISE_PERMISSION) and user.pk != request_user.pk and user.is_active:
        yield ListingButton(
            gettext_lazy("Anonymiser (départ)"), reverse(URL_NAME, args=[user.pk]), icon_name="user", priority=90
        )


@hooks.register("register_log_actions")
def anonymise_log_action(actions):
    actions.register_action(ACTION, gettext_lazy("Anonymisation"), gettext_lazy("Compte anonymisé (départ)"))
