"""deploy/nginx.conf in front of gunicorn: clients that send their headers a byte at a time
are held by nginx, and /healthz still answers at once (issue 22: 7 such clients made 5 of 17
probes time out against gunicorn alone)."""

import contextlib
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.test_gunicorn import ROOT, answering, free_port, gunicorn, sqlite_url, status_of

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(not shutil.which("nginx"), reason="needs nginx (scripts/install --test installs it)"),
]

SLOW_CLIENTS = 7
BYTE_EVERY = 2.0  # seconds between two header bytes of a slow client


def site_config(tmp_path: Path, listen: int, upstream: int) -> Path:
    """The shipped site, listening on loopback and logging into the test's folder."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};"),
        ("/var/log/nginx/", f"{tmp_path}/"),
    ]:
        assert old in site, old
        site = site.replace(old, new)
    path = tmp_path / "site.conf"
    path.write_text(site)
    return path


@contextlib.contextmanager
def nginx(tmp_path: Path, upstream: int):
    """nginx in the foreground, one process, every path of its own in the test's folder (as
    Debian's /etc/nginx/nginx.conf would include the site)."""
    port = free_port()
    main = tmp_path / "nginx.conf"
    temp = "\n".join(
        f"    {kind}_temp_path {tmp_path}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main.write_text(
        f"daemon off;\nmaster_process off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/nginx-error.log;\n"
        f"events {{ worker_connections 64; }}\n"
        f"http {{\n{temp}\n    access_log off;\n    include {site_config(tmp_path, port, upstream)};\n}}\n"
    )
    output = tmp_path / "nginx-output.log"
    with output.open("w") as log:
        process = subprocess.Popen(
            ["nginx", "-p", str(tmp_path), "-c", str(main)], stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        assert answering(f"{base}/healthz", process), output.read_text()
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def slow_client(port: int, stop: threading.Event) -> None:
    """A request whose headers come one byte every BYTE_EVERY seconds, until `stop`."""
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        while not stop.wait(BYTE_EVERY):
            sock.sendall(b"a")


def test_slow_clients_do_not_stall_healthz_behind_nginx(tmp_path):
    with (
        gunicorn(tmp_path, sqlite_url(tmp_path)) as (upstream, _log),
        nginx(tmp_path, int(upstream.rsplit(":", 1)[1])) as base,
    ):
        port = int(base.rsplit(":", 1)[1])
        stop = threading.Event()
        clients = [threading.Thread(target=slow_client, args=(port, stop)) for _ in range(SLOW_CLIENTS)]
        for client in clients:
            client.start()
        try:
            time.sleep(BYTE_EVERY + 0.5)  # every slow client has sent part of its headers
            answers = []
            for _ in range(6):
                started = time.monotonic()
                answers.append((status_of(f"{base}/healthz"), time.monotonic() - started < 3))
                time.sleep(0.5)
        finally:
            stop.set()
            for client in clients:
                client.join(timeout=BYTE_EVERY + 5)
        assert answers == [(200, True)] * 6
