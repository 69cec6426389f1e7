from ..choices import ComplianceStatus
from .accessibility import AccessibilityStatementPage

__all__ = ["AccessibilityStatementPage", "ComplianceStatus"]
