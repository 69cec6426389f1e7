"""The default site takes the portal's address (PORTAL_BASE_URL) instead of the placeholder "localhost":
absolute page URLs (API, feeds, e-mails) are built from it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations


def use_configured_address(apps, schema_editor):
    Site = apps.get_model("wagtailcore.Site")
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL or "")
    if not address.hostname:
        return
    port = address.port or (443 if address.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True, hostname="localhost", port=80).update(
        hostname=address.hostname, port=port
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage")]

    operations = [migrations.RunPython(use_configured_address, migrations.RunPython.noop)]
