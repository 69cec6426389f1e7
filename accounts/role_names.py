"""The names of the portal's roles (Wagtail groups).

Free of Django imports, so the settings can check an SSO role mapping against them at start-up.
"""

READERS = "Lecteurs"
PILOTS = "Pilotes"
PROJECT_OFFICERS = "Chargés de projet"
ADMINISTRATORS = "Administrateurs"
ROLE_NAMES = (READERS, PILOTS, PROJECT_OFFICERS, ADMINISTRATORS)
