"""French addresses for the sign-in pages; allauth's own (English) addresses stay as aliases.

Included after allauth.urls under the same names, so reverse("account_login") gives /comptes/connexion/.
"""

from allauth.account import views
from django.urls import path

urlpatterns = [
    path("connexion/", views.login, name="account_login"),
    path("deconnexion/", views.logout, name="account_logout"),
    path("inscription/", views.signup, name="account_signup"),
    path("mot-de-passe/", views.password_change, name="account_change_password"),
    path("mot-de-passe/oublie/", views.password_reset, name="account_reset_password"),
    path("mot-de-passe/oublie/envoye/", views.password_reset_done, name="account_reset_password_done"),
]
