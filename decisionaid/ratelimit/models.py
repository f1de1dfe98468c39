from django.db import models


class TokenBucket(models.Model):
    """What is left of one limit for one key ("send" by one person, say): a bucket holding up
    to `limit` actions that refills evenly over its window and loses one per action. Stored in
    the database, so every worker and app server counts together."""

    key = models.CharField(max_length=80, unique=True)
    tokens = models.FloatField()
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.key
