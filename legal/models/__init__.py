from ..choices import ComplianceStatus
from .accessibility import AccessibilityStatementPage
from .personal_data import PersonalDataPage

__all__ = ["AccessibilityStatementPage", "ComplianceStatus", "PersonalDataPage"]
