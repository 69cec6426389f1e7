"""What a « chargé de projet » may do on needs sheets, as a Django permission.

Deciding a sheet's status, hiding comments and reading hidden ones take `projects.manage_needs` (declared
on NeedsSheetPage, granted to the project officers' and administrators' roles by accounts.roles);
superusers hold every permission.
"""

MANAGE_NEEDS = "projects.manage_needs"


def can_manage_needs(user) -> bool:
    """Whether the account decides on needs sheets (inactive and anonymous accounts never do)."""
    return user is not None and user.has_perm(MANAGE_NEEDS)
