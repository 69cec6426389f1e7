"""Create, regenerate and revoke one's subscription address (signed-in readers, POST only)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic.models import DeleteView

from . import services

CONFIRMATION_FIELD = "confirmer"


def _next_url(request) -> str:
    """Where to go back: the `next` field when it is a path of this site, the home page otherwise."""
    target = request.POST.get("next", "")
    # A bare word ("1", "agenda") would be taken by redirect() for the name of a view.
    if (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return "/"


def _confirmed(request) -> bool:
    if request.POST.get(CONFIRMATION_FIELD):
        return True
    messages.error(request, "Cochez la case de confirmation : rien n’a été modifié.")
    return False


@require_POST
def create(request):
    _token, secret = services.token_for(request.user)
    if secret:
        messages.success(request, "Votre adresse d’abonnement est créée. Elle est personnelle : ne la partagez pas.")
    else:
        messages.info(request, "Vous avez déjà une adresse d’abonnement : la voici.")
    return redirect(_next_url(request))


@require_POST
def regenerate(request):
    if _confirmed(request):
        services.regenerate(request.user)
        messages.success(
            request,
            "Nouvelle adresse créée. Les anciennes ne fonctionnent plus : remplacez-les dans vos applications.",
        )
    return redirect(_next_url(request))


@require_POST
def revoke(request):
    if _confirmed(request):
        if services.revoke(request.user):
            messages.success(request, "Adresse révoquée : vos abonnements personnels ne fonctionnent plus.")
        else:
            messages.info(request, "Vous n’aviez pas d’adresse d’abonnement.")
    return redirect(_next_url(request))


class AdminRevokeView(DeleteView):
    """« Révoquer » in the administration's list: the same revocation as the holder's own button."""

    page_title = _("Révoquer")
    success_message = _("L’adresse d’abonnement de %(object)s est révoquée : ses applications ne reçoivent plus rien.")

    def get_success_message(self):
        return self.success_message % {"object": self.object.user}

    def delete_action(self):
        services.revoke(self.object.user)
