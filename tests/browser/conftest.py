"""Browser tests: one real Peyvand server per test session (the built binary, `serve --demo` on a
free loopback port with its own SQLite file in a temporary folder), driven by Playwright through
Debian's Chromium.

Environment:
  PEYVAND_BINARY        the server binary (default: .build/debug/peyvand in the repository)
  CHROMIUM              the Chromium executable (default: /usr/bin/chromium)
  PEYVAND_SCREENSHOTS=1 also write docs/screenshots/*.png (see scripts/screenshots)
"""

import atexit
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from support import ADMIN, DEMO_PASSWORD, REPO_ROOT, login

READY_TIMEOUT_SECONDS = 60
SECRET = "browser-test-secret-0123456789abcdef-0123"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _raise_keyboard_interrupt(signum, frame):
    # pytest turns KeyboardInterrupt into an orderly stop that still runs fixture teardown,
    # so a run ended with SIGTERM (a CI timeout, a parent script's trap) stops the server too.
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(scope="session")
def peyvand_server(tmp_path_factory):
    """Starts the server, waits until GET /readyz answers 200, yields its base URL, stops it."""
    binary = Path(os.environ.get("PEYVAND_BINARY") or REPO_ROOT / ".build" / "debug" / "peyvand")
    if not binary.is_absolute():
        binary = REPO_ROOT / binary
    if not os.access(binary, os.X_OK):
        pytest.fail(f"Peyvand binary not found at {binary}: run `swift build` or set PEYVAND_BINARY", pytrace=False)

    workdir = tmp_path_factory.mktemp("peyvand-server")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite://{workdir}/browser.sqlite",
        "PEYVAND_SECRET": SECRET,
    }
    env.pop("PORT", None)
    log_path = workdir / "server.log"
    log_file = open(log_path, "wb")
    process = subprocess.Popen(
        [str(binary), "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)],
        cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
    )
    atexit.register(_stop, process)
    previous_sigterm = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)

    def server_log() -> str:
        log_file.flush()
        return log_path.read_text(errors="replace")[-8000:]

    try:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"Peyvand server exited with status {process.returncode} before it was ready; "
                            f"its log:\n{server_log()}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{base_url}/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"Peyvand server on {base_url} was not ready after {READY_TIMEOUT_SECONDS} s; "
                            f"its log:\n{server_log()}", pytrace=False)
            time.sleep(0.25)
        yield base_url
    finally:
        _stop(process)
        log_file.close()
        signal.signal(signal.SIGTERM, previous_sigterm)


@pytest.fixture(scope="session")
def base_url(peyvand_server):
    """Overrides pytest-playwright's base_url: page.goto("/login") goes to the test server."""
    return peyvand_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A Persian browser (Accept-Language: fa-IR), as the product's first audience uses.
    return {**browser_context_args, "locale": "fa-IR", "timezone_id": "Asia/Tehran"}


@pytest.fixture
def signed_in_page(page, base_url):
    """A page signed in as the demo admin, showing the home page."""
    login(page, ADMIN, DEMO_PASSWORD)
    assert page.url == f"{base_url}/", f"signing in as {ADMIN} ended on {page.url}"
    return page
