from ..choices import GroupStatus, MicroProjectStatus, NeedStatus
from .needs import NeedsIndexPage, NeedsSheetPage, NeedsSheetPageTag
from .needs_history import NeedsStatusChange
from .needs_participation import NeedComment, NeedSupport
from .service_project import ServiceProjectPage, ServiceProjectResourcePerson
from .working_groups import (
    MicroProjectPage,
    WorkingGroupDocument,
    WorkingGroupEditors,
    WorkingGroupIndexPage,
    WorkingGroupMeeting,
    WorkingGroupMember,
    WorkingGroupPage,
    WorkingGroupPageTag,
)

__all__ = [
    "GroupStatus",
    "MicroProjectPage",
    "MicroProjectStatus",
    "NeedComment",
    "NeedStatus",
    "NeedSupport",
    "NeedsIndexPage",
    "NeedsSheetPage",
    "NeedsSheetPageTag",
    "NeedsStatusChange",
    "ServiceProjectPage",
    "ServiceProjectResourcePerson",
    "WorkingGroupDocument",
    "WorkingGroupEditors",
    "WorkingGroupIndexPage",
    "WorkingGroupMeeting",
    "WorkingGroupMember",
    "WorkingGroupPage",
    "WorkingGroupPageTag",
]
