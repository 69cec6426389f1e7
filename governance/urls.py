from django.urls import path

from .views import feedback, reviews

app_name = "governance"

urlpatterns = [
    path("mon-compte/contenus-a-verifier/", reviews.my_reviews, name="my_reviews"),
    path("mon-compte/contenus-a-verifier/<int:page_id>/toujours-exact/", reviews.confirm_review, name="confirm_review"),
    path("retours/<int:page_id>/utile/", feedback.vote_view, name="vote"),
    path("retours/<int:page_id>/signaler/", feedback.report_view, name="report"),
    path("retours/signalements/<int:pk>/repondre/", feedback.answer_view, name="answer"),
]
