from .needs import NeedsIndexPage, NeedsSheetPage, NeedsSheetPageTag, NeedStatus
from .service_project import ServiceProjectPage, ServiceProjectResourcePerson
from .working_groups import (
    GroupStatus,
    MicroProjectPage,
    MicroProjectStatus,
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
    "NeedStatus",
    "NeedsIndexPage",
    "NeedsSheetPage",
    "NeedsSheetPageTag",
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
