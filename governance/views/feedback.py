"""Readers' feedback on a page: the vote, the report (its own address, so that a refused form can be reopened),
and the responsable's answer to a report."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..choices import ReportStatus
from ..forms import AnswerForm, ReportForm, VoteForm
from ..models import FeedbackReport
from ..services.feedback import VoteOutcome, answer_report, can_handle, report_problem, vote
from .pages import LARGEST_ID, governed_page_or_404

VOTE_MESSAGES = {
    VoteOutcome.COUNTED: _("Merci pour votre réponse."),
    VoteOutcome.CHANGED: _("Votre réponse a été modifiée."),
    VoteOutcome.UNCHANGED: _("Votre réponse était déjà enregistrée."),
    VoteOutcome.ALREADY_CHANGED: _("Vous avez déjà modifié votre réponse une fois : elle reste enregistrée."),
}


def _back_to(page, request) -> HttpResponseRedirect:
    return HttpResponseRedirect((page.get_url(request) or "/") + "#avis-page")


@require_POST
def vote_view(request, page_id: int):
    page = governed_page_or_404(request, page_id)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Répondez par oui ou par non."))
        return _back_to(page, request)
    outcome = vote(page, request.session, form.is_useful)
    messages.success(request, VOTE_MESSAGES[outcome])
    return _back_to(page, request)


@require_http_methods(["GET", "POST"])
def report_view(request, page_id: int):
    page = governed_page_or_404(request, page_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_problem(page, request.user, form.cleaned_data["text"])
        messages.success(request, _("Merci : votre signalement a été transmis à la personne responsable de la page."))
        return _back_to(page, request)
    return render(request, "governance/report_form.html", {"target": page, "form": form})


@require_http_methods(["GET", "POST"])
def answer_view(request, pk: int):
    if pk > LARGEST_ID:
        raise Http404
    report = get_object_or_404(FeedbackReport.objects.select_related("page", "reporter"), pk=pk)
    if not can_handle(report, request.user):
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and report.status != ReportStatus.OPEN:
        messages.info(request, _("Ce signalement a déjà reçu une réponse."))
        return redirect("governance:my_reviews")
    if request.method == "POST" and form.is_valid():
        answer_report(report, request.user, form.cleaned_data["status"], form.cleaned_data["reply"])
        messages.success(request, _("Votre réponse a été envoyée à la personne qui a signalé le problème."))
        return redirect("governance:my_reviews")
    return render(request, "governance/answer_form.html", {"report": report, "form": form})
