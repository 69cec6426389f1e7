"""What can be followed: a working group, a section's index page, or a tag."""

from __future__ import annotations

from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page

from base.models import SectionIndexPage
from base.querysets import tags_visible_to
from base.visibility import can_view_page
from projects.models import WorkingGroupPage


class InvalidTarget(ValueError):
    """The submitted target does not exist, cannot be followed or is not visible: a French message."""


def is_followable_page(page) -> bool:
    return isinstance(page, (WorkingGroupPage, SectionIndexPage))


def _identifier(value) -> int | None:
    value = (value or "").strip()
    # isascii: "²" passes isdigit() but not int(); 18 digits fit every id column.
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        return None
    return int(value)


def resolve_target(request, data) -> Page | Tag:
    """The page or tag named by a form's `page` or `tag` field, checked for this reader: a page they may open,
    a tag carried by such a page."""
    page_id, tag_id = _identifier(data.get("page")), _identifier(data.get("tag"))
    if page_id is not None:
        page = Page.objects.filter(pk=page_id).first()
        page = page.specific if page is not None else None
        if page is None or not is_followable_page(page) or not can_view_page(page, request):
            raise InvalidTarget(_("Cette page n’existe pas ou ne peut pas être suivie."))
        return page
    if tag_id is not None:
        # A tag carried only by pages the reader may not open answers like an unknown one.
        tag = tags_visible_to(request).filter(pk=tag_id).first()
        if tag is None:
            raise InvalidTarget(_("Ce mot-clé n’existe pas."))
        return tag
    raise InvalidTarget(_("Choisissez un groupe, une rubrique ou un mot-clé à suivre."))


def target_field(target) -> dict:
    """The Follow fields naming the target ({"page": …} or {"tag": …})."""
    return {"tag": target} if isinstance(target, Tag) else {"page": target}
