"""Start the app under gunicorn with production settings on loopback, for the benchmarks.

Everything lives in a temporary folder: a fresh SQLite database (or the DATABASE_URL given),
collected static files, and the server's own environment."""

import atexit
import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir: Path) -> dict:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(workdir),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
        # Plain HTTP on loopback: no TLS redirect or secure-only cookies for this run only.
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(workdir / "static"),
        # Rate limits off, in effect: wrk sends thousands of requests from one session or user.
        "PDF_LIMIT_PER_HOUR": "1000000000",
        "SHARE_LINK_LIMIT_PER_HOUR": "1000000000",
        "SEND_SUMMARY_LIMIT_PER_HOUR": "1000000000",
        "INVITATION_LIMIT_PER_HOUR": "1000000000",
        "INVITATION_SEND_LIMIT_PER_HOUR": "1000000000",
    }
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare(env: dict) -> None:
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_content")
    manage(env, "collectstatic", "--noinput", "-v0")


@contextlib.contextmanager
def gunicorn(env: dict, workers: int = 2) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "decisionaid.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            process.kill()
            sys.exit("gunicorn did not start: " + (process.stderr.read() if process.stderr else ""))
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def worker_rss_kib(process: subprocess.Popen) -> list[int]:
    """Resident memory of each gunicorn worker (the master's children)."""
    sizes = []
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    for pid in children.read_text().split() if children.exists() else []:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]))
    return sizes


def workdir() -> Path:
    """A folder for the run's database and logs, removed when the benchmark ends."""
    path = Path(tempfile.mkdtemp(prefix="decisionaid-bench-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path
