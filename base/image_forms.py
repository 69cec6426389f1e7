"""The admin's image upload form, for which a damaged file is a form error rather than a server error.

Wagtail reads the uploaded file to check its format, then its size in pixels; Pillow raises many kinds of
errors for a truncated or disguised file at the second step, which Wagtail does not catch.
"""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ReadableImageField(WagtailImageField):
    """Wagtail's image field: any failure to read the image is the "not a supported image" error."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001  Pillow's errors for damaged files have no common base
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class PortalImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's image form with the file field above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, ReadableImageField):
            self.fields["file"] = ReadableImageField(
                label=field.label, required=field.required, widget=field.widget, help_text=field.help_text
            )
