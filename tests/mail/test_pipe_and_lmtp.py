"""`peyvand mail receive` (a mail server's pipe) and the listener in LMTP mode."""

import socket
import sqlite3
import subprocess
import uuid

from conftest import MAX_BYTES, binary_path, server_environment


def run(arguments, env, data=b""):
    return subprocess.run([str(binary_path()), *arguments], env=env, input=data, capture_output=True, timeout=120)


def test_mail_receive_stores_stdin_and_uses_sysexits(tmp_path):
    database = tmp_path / "pipe.sqlite"
    env = server_environment(database)
    created = run(["user", "create", "--email", "admin@pipe.test", "--password", "correct-horse-42", "--role", "admin",
                   "--organisation", "Pipe"], env)
    assert created.returncode == 0, created.stderr
    second = run(["mail", "route", "--address", "help@pipe.test", "--organisation", "Pipe"], env)
    assert second.returncode == 0, second.stderr

    token = uuid.uuid4().hex
    raw = f"From: ali@example.ir\r\nSubject: =?UTF-8?B?2LPZhNin2YU=?= {token}\r\n\r\nbody\r\n".encode()
    stored = run(["mail", "receive", "--from", "ali@example.ir", "--to", "help+case-9@pipe.test"], env, raw)
    assert stored.returncode == 0, stored.stderr
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT raw, envelope_from, recipients, status FROM inbound_emails").fetchall()
    assert [(bytes(r[0]), r[1], r[2], r[3]) for r in rows] == [(raw, "ali@example.ir", "help+case-9@pipe.test", "received")]

    too_big = run(["mail", "receive", "--to", "help@pipe.test"], env, b"x" * (MAX_BYTES + 1))
    assert too_big.returncode == 65
    assert b"too big" in too_big.stderr


def test_single_organisation_receives_any_address_and_routing_checks_the_name(tmp_path):
    # (Refusing unrouted addresses when several organisations exist is covered by the Swift suite.)
    database = tmp_path / "two.sqlite"
    env = server_environment(database)
    assert run(["user", "create", "--email", "a@one.test", "--password", "correct-horse-42", "--role", "admin",
                "--organisation", "One"], env).returncode == 0
    # Routing to an unknown organisation is an error.
    assert run(["mail", "route", "--address", "x@one.test", "--organisation", "Nobody"], env).returncode != 0
    stored = run(["mail", "receive", "--to", "someone@nowhere.test"], env, b"Subject: x\r\n\r\ny")
    assert stored.returncode == 0, stored.stderr
    missing = run(["mail", "receive"], env, b"Subject: x\r\n\r\ny")
    assert missing.returncode != 0


def test_lmtp_answers_per_recipient(lmtp_server):
    # Python's smtplib.LMTP reads one reply after DATA (RFC 2033 wants one per recipient), so the
    # conversation is spoken over a plain socket.
    token = uuid.uuid4().hex
    with socket.create_connection(("127.0.0.1", lmtp_server.mail_port), timeout=20) as sock:
        reader = sock.makefile("rb")

        def reply():
            lines = []
            while True:
                line = reader.readline().decode().rstrip("\r\n")
                lines.append(line)
                if len(line) < 4 or line[3] != "-":
                    return int(line[:3]), lines

        def command(text):
            sock.sendall(text.encode() + b"\r\n")
            return reply()

        assert reply()[0] == 220
        assert command("EHLO x")[0] == 500
        code, lines = command("LHLO tests.example")
        assert code == 250 and f"250-SIZE {MAX_BYTES}" in lines
        assert command("MAIL FROM:<ali@example.ir>")[0] == 250
        assert command("RCPT TO:<a@peyvand.test>")[0] == 250
        assert command("RCPT TO:<b@peyvand.test>")[0] == 250
        assert command("DATA")[0] == 354
        sock.sendall(f"From: ali@example.ir\r\nSubject: lmtp {token}\r\n\r\nhello\r\n.\r\n".encode())
        assert reply()[0] == 250
        assert reply()[0] == 250
        assert command("QUIT")[0] == 221
    row = lmtp_server.wait_processed(token)
    assert row["recipients"] == "a@peyvand.test,b@peyvand.test"
    assert row["subject"] == f"lmtp {token}"
