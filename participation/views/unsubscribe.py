"""Stopping e-mails from a link in one of them, without signing in (RFC 8058 one-click included)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..unsubscribe import InvalidToken, read_token, stop_emails


@login_not_required
# The page names the account's address and answers without a session: no cache along the way keeps it.
@never_cache
@csrf_exempt  # the signed token is the authorisation; mail clients post without a session or a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET asks for confirmation (mail scanners follow links); POST stops the e-mails."""
    try:
        user = read_token(token)
    except InvalidToken:
        return render(request, "participation/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        stop_emails(user)
        return render(request, "participation/unsubscribe_done.html", {"account": user})
    return render(request, "participation/unsubscribe_confirm.html", {"account": user, "token": token})
