"""The person's directory card, for « Mes données » (base.personal_data)."""

from .models import Person


def collect_directory_card(user) -> list[dict]:
    return [
        {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "job_title": person.job_title,
            "metier": person.metier.name if person.metier_id else "",
            "site": person.site,
            "email": person.email,
            "phone": person.phone,
            "sector_delegate_for": person.sector_delegate_for,
            "trained_in_project_management_on": person.trained_in_project_management_on,
            "photo": person.photo.title if person.photo_id else "",
            "biography": person.biography,
        }
        for person in Person.objects.filter(user=user).select_related("metier", "photo")
    ]
