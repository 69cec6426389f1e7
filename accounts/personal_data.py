"""The account's own data, for « Mes données » (base.personal_data)."""

from .models import IdentityProviderRole


def collect_account(user) -> list[dict]:
    return [
        {
            "email": user.email,
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "is_active": user.is_active,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "roles_from_identity_provider": sorted(
                IdentityProviderRole.objects.filter(user=user).values_list("group__name", flat=True)
            ),
        }
    ]
