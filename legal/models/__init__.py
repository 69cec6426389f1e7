from .personal_data import PersonalDataPage

__all__ = ["PersonalDataPage"]
