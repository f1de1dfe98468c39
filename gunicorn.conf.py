"""gunicorn's settings for decisionaid. gunicorn reads this file by itself when started from
the project folder (`.venv/bin/gunicorn --bind 0.0.0.0:8000`); elsewhere, pass
`-c /path/to/gunicorn.conf.py`. Command-line options override what is here.

Threads, not one request per process: a PDF takes seconds, and four at once must not leave
every other page waiting (decisionaid/ratelimit/ also bounds PDFs made at once per process).
"""

import os

wsgi_app = "decisionaid.wsgi"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# gunicorn 27 otherwise opens a control socket in the home folder.
control_socket_disable = True


def on_starting(server) -> None:
    """Share-link and invitation tokens never reach gunicorn's logs: a request line gunicorn
    refuses ("Invalid HTTP request line: ...") carries the raw path, token and all. The filter
    is installed on both loggers in the master, and so in every worker it starts."""
    from decisionaid.sharing.redact import install

    install()
