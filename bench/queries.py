"""Count database queries for each page, in-process with Django's test client.
Run by bench/run.py through `manage.py shell`, printing one JSON line."""

import json

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.journeys import STEPS


def count(client: Client, method: str, path: str, data: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, data) if method == "POST" else client.get(path)
    assert response.status_code < 400, (path, response.status_code)
    return len(queries)


def run() -> None:
    client = Client()
    counts = {}
    for slug, data in STEPS:
        counts[f"GET {slug}"] = count(client, "GET", f"/questions/{slug}/")
        counts[f"POST {slug}"] = count(client, "POST", f"/questions/{slug}/", data)
    counts["GET results"] = count(client, "GET", "/results/")
    counts["GET home"] = count(client, "GET", "/")
    print("QUERIES " + json.dumps(counts))
