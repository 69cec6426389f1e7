"""Subscribe (the page behind the "S’abonner" buttons), create, regenerate and revoke one's address."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from wagtail.admin.views.generic.models import DeleteView

from news.filters import NewsFilterSet
from news.services import visible_news

from . import services
from .addresses import personal_feeds
from .meetings import group_id_or_404, visible_group_or_404

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


def _news_query(request) -> str:
    """The news index filters carried by the button, validated as the index does; refused ones are dropped."""
    if not request.GET:
        return ""
    filters = NewsFilterSet(request.GET, queryset=visible_news(request), request=request)
    return urlencode(filters.valid_query())


def _session_address(request, kind: str, group=None, query: str = "") -> str:
    if kind == "news":
        url = reverse("news_rss")
    elif kind == "agenda":
        url = reverse("agenda_ics")
    else:
        url = reverse("personal_feeds:session_group_meetings_ics", kwargs={"group_id": group.pk})
    return f"{url}?{query}" if query else url


@require_safe
def subscribe(request, kind: str, group_id: str | None = None):
    """The reader's personal address of one feed, created on first use, to paste in a calendar or feed reader.

    The "S’abonner" buttons (shared between readers, so holding no secret) lead here; the session-bound
    address, which a calendar application cannot read, is offered second, for a signed-in browser.
    """
    group = visible_group_or_404(request, group_id_or_404(group_id)) if kind == "group" else None
    query = _news_query(request) if kind == "news" else ""
    token, secret = services.token_for(request.user)
    feeds = personal_feeds(request, token, kind, group, query)
    context = {
        "kind": kind,
        "group": group,
        "token": token,
        "created": bool(secret),
        "feeds": feeds,
        # Outlook and Thunderbird open a webcal: address as a calendar subscription.
        "webcal": feeds[0][1].replace("https://", "webcal://", 1).replace("http://", "webcal://", 1)
        if kind != "news"
        else "",
        "session_address": _session_address(request, kind, group, query),
    }
    response = render(request, "personal_feeds/subscribe.html", context)
    # The page holds the reader's secret: no cache keeps it, not even the browser's.
    patch_cache_control(response, private=True, no_store=True)
    return response
