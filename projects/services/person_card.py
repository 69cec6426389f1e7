"""What a person's card in the directory shows of the working groups (registered in projects.wagtail_hooks)."""

from people.models import Person

from ..models import WorkingGroupPage


def person_groups(person: Person, request) -> dict:
    """The groups the reader may see in which the person is pilot or member, and those they are referent of."""
    visible_groups = WorkingGroupPage.objects.visible_to(request)
    memberships = (
        person.group_memberships.filter(page__in=visible_groups.values("pk"))
        .select_related("page")
        .order_by("page__title", "pk")
    )
    return {
        "memberships": list(memberships),
        "referent_groups": list(visible_groups.filter(referent=person).order_by("title")),
    }
