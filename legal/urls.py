from django.urls import path

from .views import my_data

app_name = "legal"

urlpatterns = [
    path("mon-compte/mes-donnees/", my_data.my_data, name="my_data"),
    path("mon-compte/mes-donnees/mes-donnees.json", my_data.my_data_json, name="my_data_json"),
    path("mon-compte/mes-donnees/mes-donnees.zip", my_data.my_data_zip, name="my_data_zip"),
]
