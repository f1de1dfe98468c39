"""Run wrk against one endpoint and read back requests/s and latency percentiles."""

import json
import subprocess
import tempfile
from pathlib import Path

LUA = """
{setup}
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('RESULT {{"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "errors": %d, "bad_status": %d, "bytes": %d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors, summary.errors.status, summary.bytes))
end
"""


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def run(
    url: str,
    *,
    method: str = "GET",
    body: str = "",
    headers: dict | None = None,
    seconds: int = 4,
    connections: int = 16,
    threads: int = 2,
    timeout: int = 2,
) -> dict:
    """`timeout` (seconds) must exceed the slowest response, or wrk counts it as an error
    and leaves it out of the latencies."""
    lines = [f"wrk.method = {_lua_string(method)}"]
    if body:
        lines.append(f"wrk.body = {_lua_string(body)}")
    for key, value in (headers or {}).items():
        lines.append(f"wrk.headers[{_lua_string(key)}] = {_lua_string(value)}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA.format(setup="\n".join(lines)))
    try:
        output = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                f"{timeout}s",
                "-s",
                script.name,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + timeout + 30,
            check=True,
        ).stdout
    finally:
        Path(script.name).unlink()
    result = json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[7:])
    seconds_run = result["duration_us"] / 1e6
    return {
        "rps": round(result["requests"] / seconds_run, 1),
        "p50_ms": round(result["p50"] / 1000, 2),
        "p95_ms": round(result["p95"] / 1000, 2),
        "p99_ms": round(result["p99"] / 1000, 2),
        "errors": result["errors"],
        "bad_status": result["bad_status"],
        "requests": result["requests"],
    }
