from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def redirect_back(request, fallback: str):
    """Back to the form's `next` when it is a path of this site, else to `fallback` (a URL name)."""
    target = request.POST.get("next", "")
    local = target.startswith("/") and target.isprintable() and len(target) <= 2000
    if local and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(target)
    return redirect(fallback)
