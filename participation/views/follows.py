"""Following and leaving a group, a section or a tag; "Mes abonnements" and the e-mail preference."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..forms import PreferenceForm
from ..models import NotificationPreference
from ..services import follows
from ..services.targets import InvalidTarget, resolve_target
from .redirects import redirect_back

FALLBACK = "participation:subscriptions"


def _preference(user) -> NotificationPreference:
    return NotificationPreference.objects.filter(user=user).first() or NotificationPreference(user=user)


@require_GET
def subscriptions(request):
    context = {
        "subscriptions": follows.subscriptions(request),
        "form": PreferenceForm(instance=_preference(request.user)),
    }
    return render(request, "participation/subscriptions.html", context)


@require_POST
def update_preference(request):
    form = PreferenceForm(request.POST, instance=_preference(request.user))
    if form.is_valid():
        form.save()
        messages.success(request, _("Votre préférence d’e-mails est enregistrée."))
        return redirect(FALLBACK)
    context = {"subscriptions": follows.subscriptions(request), "form": form}
    return render(request, "participation/subscriptions.html", context, status=400)


def _set_following(request, following: bool):
    """Follow or leave the group, section or tag the form names, and go back where the reader was."""
    try:
        target = resolve_target(request, request.POST)
    except InvalidTarget as error:
        messages.error(request, str(error))
        return redirect_back(request, FALLBACK)
    follows.set_following(request.user, target, following)
    if following:
        messages.success(request, _("Vous suivez désormais « %(name)s ».") % {"name": _name(target)})
    else:
        messages.success(request, _("Vous ne suivez plus « %(name)s ».") % {"name": _name(target)})
    return redirect_back(request, FALLBACK)


@require_POST
def follow(request):
    return _set_following(request, True)


@require_POST
def unfollow(request):
    return _set_following(request, False)


def _name(target) -> str:
    return getattr(target, "title", None) or target.name
