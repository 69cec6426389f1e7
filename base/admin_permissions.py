"""Permission policies for the administration's read-mostly listings (histories, personal addresses)."""

from wagtail.permission_policies import ModelPermissionPolicy


class LimitedActionsPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions for `actions` only: every other action (add, edit, copy…) is refused to all,
    superusers included. `permission` names one Django permission that grants all of them instead."""

    def __init__(self, model, actions: set[str], permission: str | None = None, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = frozenset(actions)
        self.permission = permission

    def user_has_permission(self, user, action):
        if action not in self.actions or not getattr(user, "is_active", False):
            return False
        return user.has_perm(self.permission or self._get_permission_name(action))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)
