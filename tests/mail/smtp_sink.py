"""A real SMTP server for the tests: aiosmtpd on a loopback port, writing every message it accepts
to a directory as <pid>-<n>.eml (the bytes as received) and <pid>-<n>.json (the envelope).
AUTH PLAIN and LOGIN are offered (without TLS) and accept only peyvand / secret; a client that
does not authenticate may send anyway.

    python tests/mail/smtp_sink.py --port 8025 --directory /tmp/sink

Prints "ready <port>" once it accepts connections; stops on SIGTERM or SIGINT.
"""

import argparse
import itertools
import json
import os
import signal
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USERNAME = b"peyvand"
PASSWORD = b"secret"


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = next(self.counter)
        base = os.path.join(self.directory, f"{os.getpid()}-{number:06d}")
        with open(base + ".json.tmp", "w", encoding="utf-8") as file:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "authenticated": bool(getattr(session, "authenticated", False))}, file)
        with open(base + ".eml.tmp", "wb") as file:
            file.write(envelope.original_content or envelope.content)
        # The envelope first and the message last, each renamed into place whole.
        os.rename(base + ".json.tmp", base + ".json")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 stored by the sink"


def authenticator(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login == USERNAME and auth_data.password == PASSWORD:
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--directory", required=True)
    arguments = parser.parse_args()
    os.makedirs(arguments.directory, exist_ok=True)
    controller = Controller(Sink(arguments.directory), hostname=arguments.host, port=arguments.port,
                            authenticator=authenticator, auth_require_tls=False, auth_required=False,
                            data_size_limit=50 * 1024 * 1024)
    controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    print(f"ready {arguments.port}", flush=True)
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main()
