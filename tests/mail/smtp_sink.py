"""A real SMTP server for the tests: aiosmtpd on a loopback port, writing every message it accepts
to a directory as <pid>-<n>.eml (the bytes as received) and <pid>-<n>.json (the envelope).
AUTH PLAIN and LOGIN are offered (without TLS) and accept only peyvand / secret; a client that
does not authenticate may send anyway.

    python tests/mail/smtp_sink.py --port 8025 --directory /tmp/sink

With --tls-dir DIR it also writes a self-signed certificate for localhost / 127.0.0.1 to
DIR/cert.pem (openssl) and listens with it on --starttls-port (STARTTLS required before MAIL) and
--tls-port (TLS from the first byte).

Prints "ready <port>" once it accepts connections; stops on SIGTERM or SIGINT.
"""

import argparse
import itertools
import json
import os
import signal
import ssl
import subprocess
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
    parser.add_argument("--tls-dir")
    parser.add_argument("--starttls-port", type=int)
    parser.add_argument("--tls-port", type=int)
    arguments = parser.parse_args()
    os.makedirs(arguments.directory, exist_ok=True)
    sink = Sink(arguments.directory)
    common = dict(authenticator=authenticator, auth_require_tls=False, auth_required=False, data_size_limit=50 * 1024 * 1024)
    controllers = [Controller(sink, hostname=arguments.host, port=arguments.port, **common)]
    if arguments.tls_dir:
        os.makedirs(arguments.tls_dir, exist_ok=True)
        cert, key = os.path.join(arguments.tls_dir, "cert.pem"), os.path.join(arguments.tls_dir, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        if arguments.starttls_port:
            controllers.append(Controller(sink, hostname=arguments.host, port=arguments.starttls_port, tls_context=context,
                                          require_starttls=True, **common))
        if arguments.tls_port:
            controllers.append(Controller(sink, hostname=arguments.host, port=arguments.tls_port, ssl_context=context, **common))
    for controller in controllers:
        controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    print(f"ready {arguments.port}", flush=True)
    stopped.wait()
    for controller in controllers:
        controller.stop()


if __name__ == "__main__":
    main()
