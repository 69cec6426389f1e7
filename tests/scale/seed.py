"""Seeds the portal of the two-instance test (run by `manage.py shell` with the production settings): the
site tree, a reader and a project officer, a news item with a draft waiting to be published; prints them as
JSON."""

import json

from accounts.models import User
from accounts.roles import PROJECT_OFFICERS, READERS, ensure_roles
from home.services.site_tree import ensure_home, ensure_sections
from news.models import NewsIndexPage, NewsPage

PASSWORD = "motdepasse-deux-instances"
ensure_home()
ensure_sections()
roles = ensure_roles()
accounts = {}
for email, role, extra in (
    ("lecteur@example.org", READERS, {}),
    ("charge@example.org", PROJECT_OFFICERS, {"is_staff": True}),
):
    user = User.objects.create_user(username=email.split("@")[0], email=email, password=PASSWORD, **extra)
    user.groups.add(roles[role])
    accounts[role] = email
news_index = NewsIndexPage.objects.get()
news = news_index.add_child(instance=NewsPage(title="Réunion plénière : ordre du jour", summary="Version publiée."))
news.save_revision().publish()
news.title = "Réunion plénière : ordre du jour modifié"
news.save_revision()  # a draft, published later through the administration
print(
    "SEED "
    + json.dumps(
        {
            "reader": accounts[READERS],
            "officer": accounts[PROJECT_OFFICERS],
            "password": PASSWORD,
            "news_id": news.pk,
            "news_url": news.url,
            "index_url": news_index.url,
        }
    )
)
