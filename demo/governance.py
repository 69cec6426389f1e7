"""The demo's content governance: responsables on a few pages, some pages overdue for a review (one asked for
by a replaced document), readers' answers and one open problem report. Only what is missing is created; the
report goes to nobody (the demo loads silently)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from governance.choices import ReviewReason
from governance.models import FeedbackReport, PageStewardship, PageUsefulness
from knowledge.models import ApproachPage, CaseStudyPage
from people.models import Person

from .accounts import DEMO_ACCOUNTS


def _demo_person(email: str) -> Person | None:
    return Person.objects.filter(user__email__iexact=email).first()


def ensure_governance() -> int:
    """Returns how many pages got their demo governance now (0 when it was already there)."""
    pilot = _demo_person(DEMO_ACCOUNTS[1].email)
    officer = _demo_person(DEMO_ACCOUNTS[2].email)
    reader = get_user_model().objects.filter(email__iexact=DEMO_ACCOUNTS[0].email).first()
    case_studies = list(CaseStudyPage.objects.live().order_by("path")[:3])
    approaches = list(ApproachPage.objects.live().order_by("path")[:2])
    now = timezone.now()
    plan = []
    if case_studies:
        # Two years and two months without a check: overdue for a case study (24 months).
        plan.append((case_studies[0], pilot, now - datetime.timedelta(days=800), ""))
    if len(case_studies) > 1:
        plan.append((case_studies[1], officer, now - datetime.timedelta(days=30), ReviewReason.DOCUMENT_CHANGED))
    if len(case_studies) > 2:
        plan.append((case_studies[2], pilot, now - datetime.timedelta(days=60), ""))
    if approaches:
        # Thirteen months: overdue for an approach (12 months).
        plan.append((approaches[0], pilot, now - datetime.timedelta(days=400), ""))
    if len(approaches) > 1:
        plan.append((approaches[1], officer, now - datetime.timedelta(days=90), ""))
    created = 0
    for page, owner, reviewed_at, reason in plan:
        row, new = PageStewardship.objects.get_or_create(
            page=page,
            defaults={
                "owner": owner,
                "last_reviewed_at": reviewed_at,
                "review_reason": reason,
                "review_requested_at": now if reason else None,
            },
        )
        if new:
            created += 1
            PageUsefulness.objects.get_or_create(page=page, defaults={"useful": 7 + created, "not_useful": created})
    if case_studies and reader is not None and not FeedbackReport.objects.exists():
        FeedbackReport.objects.create(
            page=case_studies[0],
            reporter=reader,
            text="Le lien vers la grille d’observation ne fonctionne plus, et le nom du médecin référent a changé.",
        )
    return created
