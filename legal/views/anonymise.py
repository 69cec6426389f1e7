"""The administration's « Anonymiser » of a departed person's account: a confirmation, then the service."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..services.anonymise import FORMER_NAME, anonymise_account, is_anonymised

# Deleting accounts is the administrators' (accounts.roles gives them every permission).
ANONYMISE_PERMISSION = "accounts.delete_user"


@permission_required(ANONYMISE_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def anonymise(request, user_id: int):
    if user_id >= 2**31:
        raise Http404
    account = get_object_or_404(get_user_model(), pk=user_id)
    if account.pk == request.user.pk:
        messages.error(request, _("Vous ne pouvez pas anonymiser votre propre compte."))
        return redirect("wagtailusers_users:index")
    if request.method == "POST":
        anonymise_account(account, by=request.user)
        messages.success(request, _("Le compte est désactivé ; ses contributions sont signées « %s ».") % FORMER_NAME)
        return redirect("wagtailusers_users:index")
    context = {
        "account": account,
        "already": is_anonymised(account),
        "former_name": FORMER_NAME,
        "page_title": _("Anonymiser un compte"),
        "page_subtitle": account.get_full_name() or account.email,
        "header_icon": "user",
    }
    return TemplateResponse(request, "legal/anonymise_confirm.html", context)
