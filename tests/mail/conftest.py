"""Mail tests: one real `peyvand serve --demo` with its SMTP listener (MAIL_PORT) on free loopback
ports and its own SQLite file; the tests speak SMTP to it with Python's smtplib and read what it
stored from the SQLite file.

Environment:
  PEYVAND_BINARY  the server binary (default: .build/debug/peyvand in the repository)
"""

import os
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_SECONDS = 90
MAX_BYTES = 200_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


class MailServer:
    def __init__(self, mail_port, database, log_path, http_port=None, sink_directory=None):
        self.mail_port = mail_port
        self.database = database
        self.log_path = log_path
        self.http_port = http_port
        self.sink_directory = sink_directory

    def rows(self, sql, *params):
        with sqlite3.connect(self.database, timeout=10) as connection:
            connection.row_factory = sqlite3.Row
            return connection.execute(sql, params).fetchall()

    def wait_processed(self, message_id_fragment=None, timeout=20):
        """The inbound row whose raw bytes contain the fragment, once its job has run."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for row in self.rows("SELECT * FROM inbound_emails ORDER BY received_at"):
                if message_id_fragment is None or message_id_fragment.encode() in bytes(row["raw"]):
                    if row["status"] != "received":
                        return row
            time.sleep(0.2)
        raise AssertionError(f"no processed inbound message containing {message_id_fragment!r}")


def binary_path() -> Path:
    binary = Path(os.environ.get("PEYVAND_BINARY") or REPO_ROOT / ".build" / "debug" / "peyvand")
    if not os.access(binary, os.X_OK):
        pytest.fail(f"Peyvand binary not found at {binary}: run `swift build` or set PEYVAND_BINARY", pytrace=False)
    return binary


def server_environment(database, **extra):
    env = {**os.environ, "DATABASE_URL": f"sqlite://{database}", "PEYVAND_SECRET": "mail-test-secret-0123456789abcdef-0123",
           "MAIL_MAX_BYTES": str(MAX_BYTES), **extra}
    for name in ("PORT", "MAIL_PORT", "SMTP_URL", "MAIL_PROTOCOL"):
        if name not in extra:
            env.pop(name, None)
    return env


@pytest.fixture(scope="session")
def mail_server(tmp_path_factory):
    yield from _serve(tmp_path_factory, "peyvand-mail")


@pytest.fixture(scope="session")
def lmtp_server(tmp_path_factory):
    yield from _serve(tmp_path_factory, "peyvand-lmtp", MAIL_PROTOCOL="lmtp")


@pytest.fixture(scope="session")
def case_mail_server(tmp_path_factory):
    """A server whose outbound mail goes to a real SMTP sink (aiosmtpd) started here, so the
    acknowledgements and replies of cases can be read as delivered."""
    sink_directory = tmp_path_factory.mktemp("case-mail-sink")
    sink_port = _free_port()
    sink_log = open(sink_directory / "sink.log", "wb")
    sink = subprocess.Popen([os.sys.executable, str(Path(__file__).with_name("smtp_sink.py")), "--port", str(sink_port),
                             "--directory", str(sink_directory)], stdout=sink_log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 20
        while b"ready" not in (sink_directory / "sink.log").read_bytes():
            if time.time() > deadline or sink.poll() is not None:
                pytest.fail("the SMTP sink did not start", pytrace=False)
            time.sleep(0.1)
        yield from _serve(tmp_path_factory, "peyvand-case-mail", sink_directory=sink_directory,
                          SMTP_URL=f"smtp://127.0.0.1:{sink_port}")
    finally:
        sink.terminate()
        sink.wait(timeout=10)
        sink_log.close()


def _serve(tmp_path_factory, name, sink_directory=None, **extra):
    binary = binary_path()
    workdir = tmp_path_factory.mktemp(name)
    http_port, mail_port = _free_port(), _free_port()
    database = workdir / "mail.sqlite"
    env = server_environment(database, **extra)
    log_path = workdir / "server.log"
    log_file = open(log_path, "wb")
    process = subprocess.Popen(
        [str(binary), "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(http_port), "--mail-port", str(mail_port)],
        cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT)
    previous = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        deadline = time.time() + READY_TIMEOUT_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"server exited early:\n{log_path.read_text(errors='replace')}", pytrace=False)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{http_port}/readyz", timeout=2)
                with socket.create_connection(("127.0.0.1", mail_port), timeout=2):
                    break
            except OSError:
                if time.time() > deadline:
                    pytest.fail(f"server not ready:\n{log_path.read_text(errors='replace')}", pytrace=False)
                time.sleep(0.3)
        yield MailServer(mail_port, database, log_path, http_port=http_port, sink_directory=sink_directory)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log_file.close()
        signal.signal(signal.SIGTERM, previous)
