"""Governance on every content page, without content apps importing it (base.html loads these tags):

    {% page_review_notice %}     the discreet « pas vérifiée depuis le … » notice of an overdue page
    {% page_stewardship %}       « Responsable : … · Vérifiée le … » and the readers' feedback forms
    {% owns_content as owns %}   whether the user menu links to « Mes contenus à vérifier »

The notice and the responsable line are the same for every reader of a visibility class: shared fragments
(base.page_cache), keyed by the day (an overdue notice appears at midnight); a responsable chosen or a review
made bumps the content version (governance.signals). The feedback forms carry a CSRF token and the reader's
own vote: rendered for each request, from the session, without a query.
"""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from base.memo import request_memo
from base.page_cache import shared_fragment

from ..forms import ReportForm
from ..services.feedback import own_vote
from ..services.listing import owns_content as owns_content_service
from ..services.owners import is_governed
from ..services.reviews import review_state

register = template.Library()


def _governed_page(context):
    request = context.get("request")
    page = context.get("page")
    user = getattr(request, "user", None)
    if page is None or request is None or not (user and user.is_authenticated) or getattr(request, "is_preview", False):
        return None, None
    page = getattr(page, "specific", page)
    if not getattr(page, "live", False) or not is_governed(page):
        return None, None
    return page, request


def _state(request, page):
    return request_memo(request, f"governance_state_{page.pk}", lambda: review_state(page))


@register.simple_tag(takes_context=True)
def page_review_notice(context) -> str:
    page, request = _governed_page(context)
    if page is None:
        return ""

    def render() -> str:
        state = _state(request, page)
        return render_to_string("governance/includes/review_notice.html", {"state": state}) if state.overdue else ""

    return shared_fragment(request, "governance-notice", render, page, timezone.localdate())


@register.simple_tag(takes_context=True)
def page_stewardship(context) -> str:
    page, request = _governed_page(context)
    if page is None:
        return ""

    def render() -> str:
        return render_to_string(
            "governance/includes/stewardship.html", {"state": _state(request, page), "request": request}
        )

    stewardship = shared_fragment(request, "governance-stewardship", render, page, timezone.localdate())
    feedback = render_to_string(
        "governance/includes/feedback.html",
        {"page": page, "vote": own_vote(request.session, page.pk), "form": ReportForm()},
        request=request,
    )
    return render_to_string("governance/includes/page_footer.html", {"stewardship": stewardship, "feedback": feedback})


@register.simple_tag(takes_context=True)
def owns_content(context) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and owns_content_service(request))
