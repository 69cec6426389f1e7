"""« Je suis concerné·e » : staff members who share the need of a sheet."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import NeedsSheetPage, NeedSupport


def set_support(sheet: NeedsSheetPage, user: User, concerned: bool) -> bool:
    """Say (or withdraw) that the account is concerned by the sheet; repeating it changes nothing.

    Returns whether the account is concerned afterwards. The author is concerned by their own need already:
    their support would only inflate the count the list is sorted by (ValidationError, in French).
    """
    if concerned and sheet.is_author(user):
        raise ValidationError(
            _("Vous avez déposé cette fiche : vous ne pouvez pas vous déclarer concerné·e par votre propre besoin."),
            code="own_sheet",
        )
    if not concerned:
        NeedSupport.objects.filter(sheet=sheet, user=user).delete()
        return False
    try:
        # A savepoint: a double click racing with itself meets the unique constraint, not a 500.
        with transaction.atomic():
            NeedSupport.objects.get_or_create(sheet=sheet, user=user)
    except IntegrityError:
        pass
    return True
