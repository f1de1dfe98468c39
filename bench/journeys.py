"""Simulated people completing the whole questionnaire over HTTP, as a browser without
JavaScript would: GET each step, POST it with the CSRF token, then open the results."""

import http.client
import re
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')

STEPS = [
    ("place", {"region": "UK", "age_band": "25_64"}),
    ("safety", {"in_danger_now": "false"}),
    ("mood", {**{f"phq9_{n}": "1" for n in range(1, 9)}, "phq9_9": "0", "phq9_difficulty": "1"}),
    ("worry", {f"gad7_{n}": "1" for n in range(1, 8)}),
    ("concerns", {"concerns": ["depression", "anxiety"]}),
    ("goals", {"goals": ["coping_skills", "lasting_change"]}),
    ("time", {"relief_timing": "months", "commitment": "3_to_6_months"}),
    ("cost", {"session_fee": "60", "coverage": "public"}),
    ("medicine", {"medication_view": "unsure", "pregnant_or_breastfeeding": "not_applicable"}),
    ("past", {"past_treatments": ["none"], "style": "structured"}),
    ("values", {"importance.quick_relief": "3", "importance.low_cost": "2", "importance.lasting_benefit": "4"}),
]


@dataclass
class Person:
    host: str
    port: int
    cookies: dict = field(default_factory=dict)

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        conn.close()
        return response.status, content


def journey(host: str, port: int, timings: dict[str, list[float]]) -> tuple[bool, str | None]:
    """One person's whole journey. Returns (completed, error)."""
    person = Person(host, port)
    for slug, data in STEPS:
        start = time.perf_counter()
        status, content = person.request("GET", f"/questions/{slug}/")
        timings.setdefault(f"GET {slug}", []).append(time.perf_counter() - start)
        if status != 200:
            return False, f"GET {slug}: {status}"
        token = CSRF_INPUT.search(content)
        if not token:
            return False, f"GET {slug}: no CSRF token"
        start = time.perf_counter()
        status, _ = person.request(
            "POST",
            f"/questions/{slug}/",
            {**data, "csrfmiddlewaretoken": token.group(1).decode()},
            headers={"Referer": f"http://{host}:{port}/questions/{slug}/"},
        )
        timings.setdefault(f"POST {slug}", []).append(time.perf_counter() - start)
        if status != 302:
            return False, f"POST {slug}: {status}"
    start = time.perf_counter()
    status, _ = person.request("GET", "/results/")
    timings.setdefault("GET results", []).append(time.perf_counter() - start)
    if status != 200:
        return False, f"GET results: {status}"
    return True, None
