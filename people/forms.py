"""What a person may correct on their own directory card."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# ASCII digits only: "²" or "٣" are digits to Python, not to a telephone.
PHONE_SHAPE = re.compile(r"\+?[0-9 .\-()]+")
BAD_PHONE = _(
    "Ce numéro de téléphone n’est pas valide : saisissez 10 chiffres, par exemple 03 21 12 34 56, "
    "ou un numéro international, par exemple +33 3 21 12 34 56."
)


def normalised_phone(value: str) -> str:
    """A French number as « 03 21 12 34 56 », another international one as « +<digits> »; ValidationError else."""
    if not PHONE_SHAPE.fullmatch(value):
        raise ValidationError(BAD_PHONE, code="invalid")
    digits = re.sub(r"[^0-9]", "", value)
    if value.startswith("+") and digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    elif value.startswith("+"):
        if 8 <= len(digits) <= 15:
            return "+" + digits
        raise ValidationError(BAD_PHONE, code="invalid")
    if len(digits) != 10 or not digits.startswith("0"):
        raise ValidationError(BAD_PHONE, code="invalid")
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


class PhoneForm(forms.Form):
    """One's own phone number, as the directory shows it; empty removes it."""

    phone = forms.CharField(
        label=_("Votre numéro de téléphone"),
        max_length=40,
        required=False,
        help_text=_("Par exemple 03 21 12 34 56. Laissez vide pour ne plus afficher de numéro."),
        error_messages={"max_length": BAD_PHONE},
    )

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"]
        return normalised_phone(value) if value else ""
