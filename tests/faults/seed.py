"""Seeds the portal under test (run by `manage.py shell` with the production settings): the demonstration
content and accounts, then prints a reader's sign-in and the signed-in URLs the load mixes, as JSON."""

import json

from demo.loader import load_demo
from news.models import NewsIndexPage, NewsPage

reader = next(loaded.account for loaded in load_demo() if loaded.account.email.startswith("lecteur@"))
news_index = NewsIndexPage.objects.live().first()
news_item = NewsPage.objects.live().public().first()
print(
    "SEED "
    + json.dumps(
        {
            "email": reader.email,
            "password": reader.password,
            "urls": ["/", news_index.url, news_item.url, "/recherche/?q=sant%C3%A9"],
        }
    )
)
