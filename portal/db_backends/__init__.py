"""The portal's database engines (DATABASES ENGINE), each Django's own with the portal's limits on waits."""
