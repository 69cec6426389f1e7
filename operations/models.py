"""What the running portal records about itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyJobRun(models.Model):
    """One daily job started on one day (operations.daily): the unique pair is what keeps a job from running
    twice the same day, whatever the number of workers or of scheduling tasks in the queue."""

    job = models.CharField(_("tâche"), max_length=200)
    day = models.DateField(_("jour"))
    started_at = models.DateTimeField(_("lancée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("tâche quotidienne lancée")
        verbose_name_plural = _("tâches quotidiennes lancées")
        constraints = [models.UniqueConstraint(fields=["job", "day"], name="daily_job_once_a_day")]

    def __str__(self) -> str:
        return f"{self.job} ({self.day:%d/%m/%Y})"
