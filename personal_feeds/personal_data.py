"""The subscription address's secret, masked, for « Mes données » (base.personal_data)."""

from base.personal_data import mask_secret

from .models import FeedToken


def collect_feed_tokens(user) -> list[dict]:
    return [
        {"secret": mask_secret(token.secret), "created_at": token.created_at, "last_used_at": token.last_used_at}
        for token in FeedToken.objects.filter(user=user)
    ]
