"""Who may change the legal pages: the accessibility statement commits the organisation, so only the accounts
holding its model's change permission (the administrators, accounts.roles) edit, publish or move it; project
officers, who publish everywhere else, read it like everyone."""

from wagtail.models import PagePermissionTester

CHANGE_STATEMENT = "legal.change_accessibilitystatementpage"


class AdministratorsOnlyPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, each also asking for the statement's change permission."""

    def _may_change(self) -> bool:
        return self.user.is_active and self.user.has_perm(CHANGE_STATEMENT)

    def can_edit(self):
        return self._may_change() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._may_change() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._may_change() and super().can_unpublish()

    def can_publish(self):
        return self._may_change() and super().can_publish()

    def can_submit_for_moderation(self):
        return self._may_change() and super().can_submit_for_moderation()

    def can_set_view_restrictions(self):
        return self._may_change() and super().can_set_view_restrictions()

    def can_lock(self):
        return self._may_change() and super().can_lock()

    def can_move(self):
        return self._may_change() and super().can_move()

    def can_copy(self):
        return self._may_change() and super().can_copy()
