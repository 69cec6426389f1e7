"""Feeds and calendars reached without a session: the personal addresses, and the group meetings calendar.

A personal address holds the account's secret; what it serves is what that account may see (base.visibility
applied to the account, never to the anonymous caller). An unknown, revoked or malformed secret gets 401 in
plain text, a group the account may not see 404; none of these responses is kept by a shared cache.
"""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from base.machine_readable import machine_readable
from events.views import agenda_ics, ics_response
from news.feeds import NewsAtomFeed, NewsFeed

from .meetings import group_id_or_404, meetings_calendar, visible_group_or_404
from .services import user_for_secret

news_rss = NewsFeed()
news_atom = NewsAtomFeed()


def _plain(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def unauthorized() -> HttpResponse:
    response = _plain(
        "Adresse d’abonnement inconnue ou révoquée : copiez votre adresse actuelle depuis l’intranet.", 401
    )
    response["WWW-Authenticate"] = 'Session realm="intranet"'
    patch_cache_control(response, private=True, no_store=True)
    return response


def personal(view):
    """Serve `view(request, account, **kwargs)` to the holder of the account's secret, without a session."""

    @wraps(view)
    def wrapper(request, secret, **kwargs):
        account = user_for_secret(secret)
        if account is None:
            return unauthorized()
        try:
            response = view(request, account, **kwargs)
        except Http404:
            response = _plain("Ce contenu n’existe pas ou ne vous est pas accessible.", 404)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return login_not_required(machine_readable(require_safe(wrapper)))


@personal
def personal_news_rss(request, account):
    return news_rss(request, reader=account)


@personal
def personal_news_atom(request, account):
    return news_atom(request, reader=account)


@personal
def personal_agenda_ics(request, account):
    return agenda_ics(request, reader=account)


@personal
def personal_group_meetings_ics(request, account, group_id: str):
    group = visible_group_or_404(account, group_id_or_404(group_id))
    return ics_response(meetings_calendar(group, request), f"reunions-{group.slug}.ics")


@login_not_required
@machine_readable
def unknown_personal_address(request, rest: str):
    """Any other address under the personal ones (a mangled secret, a missing part): as an unknown secret."""
    return unauthorized()


@machine_readable
@require_safe
def group_meetings_ics(request, group_id: str):
    """A working group's meetings, for a signed-in reader who may see the group (404 otherwise)."""
    group = visible_group_or_404(request, group_id_or_404(group_id))
    return ics_response(meetings_calendar(group, request), f"reunions-{group.slug}.ics")
