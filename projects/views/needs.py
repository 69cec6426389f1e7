"""The needs pages' forms: submitting a sheet, deciding its status, saying one is concerned, commenting and
hiding a comment.

Each view answers a sub-address of its page (projects.urls, projects.models.page_views), so Wagtail has
already checked that the page is live and that the reader may open it. A view reads the form, calls the
service, says what happened and goes back to the page; a refused form shows the page again, with what was
typed and why (status 400). Reopened later (a reload, the browser's history), an action address answers
with a redirection to its page rather than an empty "method not allowed".
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ..forms import HideCommentForm, NeedCommentForm, NeedsSheetForm, NeedStatusForm
from ..models import NeedsIndexPage, NeedsSheetPage, NeedsStatusChange, WorkingGroupPage
from ..permissions import MANAGE_NEEDS
from ..services.needs import submit_needs_sheet
from ..services.needs_comments import hide_comment, post_comment
from ..services.needs_status import change_status
from ..services.needs_support import set_support

LARGEST_ID = 2**31 - 1  # beyond it, no comment id is stored


def _refused(request, sheet: NeedsSheetPage, message: str | None = None, **forms):
    """The sheet's page again, with what was typed and why it was refused (status 400)."""
    if message:
        messages.error(request, message)
    response = sheet.render(request, context_overrides=forms)
    response.status_code = 400
    return response


def apply_status_form(form: NeedStatusForm, sheet: NeedsSheetPage, by) -> NeedsStatusChange | None:
    """The decision of a valid form applied (the history row written), or None with the refusal in the form."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        return change_status(sheet, data["status"], by=by, reason=data["reason"], group=data["group"])
    except ValidationError as error:
        form.add_error(None, error)
        return None


def post_or_back_to_page(anchor: str):
    """A view of a sheet's form for POST; GET or HEAD (the address reopened) goes back to the page's `anchor`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, page, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                return redirect(f"{page.url}#{anchor}")
            if request.method != "POST":
                return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
            return view(request, page, *args, **kwargs)

        return wrapper

    return decorator


def status_changed_message(change: NeedsStatusChange) -> str:
    return _("La fiche est désormais « %(status)s ».") % {"status": change.get_status_display()}


def submit(request, page: NeedsIndexPage):
    """The needs form (soumettre/): empty, or the sheet it published, or the form again with its errors."""
    groups = WorkingGroupPage.objects.visible_to(request).order_by("title")
    # An empty POST is still a submission to validate (request.POST is then falsy).
    form = NeedsSheetForm(request.POST if request.method == "POST" else None, groups=groups)
    if request.method == "POST" and form.is_valid():
        sheet = submit_needs_sheet(page, request.user, **form.cleaned_data)
        messages.success(request, _("Merci : votre fiche « %(title)s » est enregistrée.") % {"title": sheet.title})
        return redirect(sheet.url)
    response = page.render(request, template="projects/needs_submit.html", context_overrides={"form": form})
    response.status_code = 400 if form.is_bound else 200
    return response


@post_or_back_to_page("suivi-titre")
@permission_required(MANAGE_NEEDS, raise_exception=True)
def status(request, page: NeedsSheetPage):
    """A project officer's decision on the sheet (statut/)."""
    form = page.status_form(request, request.POST)
    change = apply_status_form(form, page, request.user)
    if change is None:
        return _refused(request, page, _("Le statut n’a pas été changé."), status_form=form)
    messages.success(request, status_changed_message(change))
    return redirect(page.url + "#historique-titre")


@post_or_back_to_page("soutien-titre")
def support(request, page: NeedsSheetPage):
    """« Je suis concerné·e », or no longer (soutien/)."""
    choice = request.POST.get("concerne")
    if choice not in ("oui", "non"):
        return _refused(request, page, _("Votre réponse n’a pas été comprise : rien n’a été changé."))
    try:
        concerned = set_support(page, request.user, choice == "oui")
    except ValidationError as error:
        return _refused(request, page, error.messages[0])
    if concerned:
        messages.success(request, _("C’est noté : vous êtes concerné·e par ce besoin."))
    else:
        messages.success(request, _("C’est noté : vous n’êtes plus indiqué·e comme concerné·e."))
    return redirect(page.url + "#soutien-titre")


@post_or_back_to_page("commentaires-titre")
def comment(request, page: NeedsSheetPage):
    """A comment on the sheet (commentaires/)."""
    form = NeedCommentForm(request.POST)
    if form.is_valid():
        try:
            posted = post_comment(page, request.user, form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Votre commentaire est publié."))
            return redirect(f"{page.url}#commentaire-{posted.pk}")
    return _refused(request, page, _("Votre commentaire n’a pas été publié."), comment_form=form)


@post_or_back_to_page("commentaires-titre")
@permission_required(MANAGE_NEEDS, raise_exception=True)
def hide(request, page: NeedsSheetPage, comment_id: int):
    """An officer hides a comment, with the reason (commentaires/<id>/masquer/)."""
    hidden = page.comments.filter(pk=comment_id).first() if comment_id <= LARGEST_ID else None
    if hidden is None:
        raise Http404
    form = HideCommentForm(request.POST)
    if form.is_valid():
        try:
            hide_comment(hidden, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("Le commentaire est masqué ; la trace de la modération est conservée."))
            return redirect(f"{page.url}#commentaire-{hidden.pk}")
    return _refused(request, page, _("Le commentaire n’a pas été masqué."), hide_form=form)
