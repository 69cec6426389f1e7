"""French addresses for the sign-in pages; allauth's own (English) addresses stay as aliases.

Included after allauth.urls under the same names, so reverse("account_login") gives /comptes/connexion/.
With the local sign-in switched off (PORTAL_LOCAL_LOGIN=false), the password pages go, as allauth's do.
"""

from allauth import app_settings as allauth_settings
from allauth.account import views
from django.urls import path

urlpatterns = [
    path("connexion/", views.login, name="account_login"),
    path("deconnexion/", views.logout, name="account_logout"),
]
if not allauth_settings.SOCIALACCOUNT_ONLY:
    urlpatterns += [
        path("inscription/", views.signup, name="account_signup"),
        path("mot-de-passe/", views.password_change, name="account_change_password"),
        path("mot-de-passe/oublie/", views.password_reset, name="account_reset_password"),
        path("mot-de-passe/oublie/envoye/", views.password_reset_done, name="account_reset_password_done"),
    ]
