from django.db import migrations

# The roles (accounts.role_names) that decide on needs sheets, as they were named when this migration was written.
ROLES = ("Chargés de projet", "Administrateurs")


def grant_manage_needs(apps, schema_editor):
    """Give the existing project officers' and administrators' roles the new permission; a fresh database gets
    it from accounts.roles.ensure_roles after migrating."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    groups = list(Group.objects.filter(name__in=ROLES))
    if not groups:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="projects", model="needssheetpage")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_needs",
        defaults={"name": "Peut décider du statut des fiches besoins et modérer leurs commentaires"},
    )
    for group in groups:
        group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('projects', '0005_needs_participation'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='needssheetpage',
            options={'permissions': [('manage_needs', 'Peut décider du statut des fiches besoins et modérer leurs commentaires')], 'verbose_name': "fiche d'identification des besoins", 'verbose_name_plural': "fiches d'identification des besoins"},
        ),
        migrations.RunPython(grant_manage_needs, migrations.RunPython.noop),
    ]
