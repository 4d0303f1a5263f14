"""Real SMTP sessions (Python smtplib) into `peyvand serve --mail-port`."""

import smtplib
import uuid
from email.header import Header
from email.message import EmailMessage

import pytest

from conftest import MAX_BYTES

RECIPIENT = "support@demo.peyvand.test"


def send(server, raw: bytes, sender="ali@example.ir", recipients=(RECIPIENT,)):
    with smtplib.SMTP("127.0.0.1", server.mail_port, timeout=20) as client:
        client.ehlo("tests.example")
        return client.sendmail(sender, list(recipients), raw)


def test_ehlo_announces_the_size_limit(mail_server):
    with smtplib.SMTP("127.0.0.1", mail_server.mail_port, timeout=10) as client:
        code, _ = client.ehlo("tests.example")
        assert code == 250
        assert client.has_extn("size")
        assert int(client.esmtp_features["size"]) == MAX_BYTES


def test_persian_subject_in_rfc2047_and_attachment_kept(mail_server):
    token = uuid.uuid4().hex
    message = EmailMessage()
    message["From"] = str(Header("علی رضایی", "utf-8")) + " <ali@example.ir>"
    message["To"] = RECIPIENT
    message["Subject"] = Header("درخواست پشتیبانی شماره ۱۲", "utf-8").encode()
    message["Message-ID"] = f"<{token}@example.ir>"
    message.set_content("سلام، سفارش من هنوز نرسیده است.")
    attachment = b"%PDF-1.4\n" + bytes(range(256)) * 10
    message.add_attachment(attachment, maintype="application", subtype="pdf", filename="فاکتور.pdf")
    raw = message.as_bytes()
    assert b"=?utf-8?" in raw
    assert send(mail_server, raw) == {}
    row = mail_server.wait_processed(token)
    assert row["subject"] == "درخواست پشتیبانی شماره ۱۲"
    assert row["message_id"] == f"{token}@example.ir"
    assert row["from_address"] == "ali@example.ir"
    assert row["status"] == "handled"  # the cases module opened a case (see test_email_to_case.py)
    assert row["is_automated"] == 0
    assert row["problems"] is None
    stored = bytes(row["raw"])
    assert stored.replace(b"\r\n", b"\n").rstrip(b"\n") == raw.replace(b"\r\n", b"\n").rstrip(b"\n")


def test_malformed_mime_is_accepted_with_problems_recorded(mail_server):
    token = uuid.uuid4().hex
    raw = (f"From: x@example.ir\r\nSubject: broken {token}\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n"
           "--never-closed\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           "!!! not base64 ***\r\n").encode()
    assert send(mail_server, raw) == {}
    row = mail_server.wait_processed(token)
    assert row["subject"] == f"broken {token}"
    assert "unterminatedMultipart" in row["problems"]
    assert "badBase64" in row["problems"]


def test_unknown_charset_is_decoded_best_effort_and_flagged(mail_server):
    token = uuid.uuid4().hex
    raw = (f"From: x@example.ir\r\nSubject: =?x-unknown-99?Q?caf=C3=A9_{token}?=\r\n"
           "Content-Type: text/plain; charset=x-unknown-99\r\n\r\n"
           "سلام").encode("utf-8")
    assert send(mail_server, raw) == {}
    row = mail_server.wait_processed(token)
    assert row["subject"] == f"café {token}"
    assert "unknownCharset" in row["problems"]


def test_auto_responder_is_marked_automated(mail_server):
    token = uuid.uuid4().hex
    raw = (f"From: ali@example.ir\r\nSubject: Out of office {token}\r\nAuto-Submitted: auto-replied\r\n\r\naway").encode()
    assert send(mail_server, raw) == {}
    assert mail_server.wait_processed(token)["is_automated"] == 1


def test_over_size_message_is_refused_with_552(mail_server):
    before = len(mail_server.rows("SELECT id FROM inbound_emails"))
    raw = b"From: x@example.ir\r\nSubject: big\r\n\r\n" + (b"0123456789" * 100 + b"\r\n") * (MAX_BYTES // 1000 + 10)
    # Without SIZE= in MAIL FROM, the listener counts while reading DATA.
    with smtplib.SMTP("127.0.0.1", mail_server.mail_port, timeout=20) as client:
        client.ehlo("tests.example")
        client.esmtp_features.pop("size", None)
        with pytest.raises(smtplib.SMTPDataError) as refused:
            client.sendmail("x@example.ir", [RECIPIENT], raw)
        assert refused.value.smtp_code == 552
        assert f"limit is {MAX_BYTES} bytes".encode() in refused.value.smtp_error
        # The session is still usable afterwards.
        assert client.noop()[0] == 250
    # Declared with SIZE=: refused at MAIL FROM.
    with smtplib.SMTP("127.0.0.1", mail_server.mail_port, timeout=20) as client:
        client.ehlo("tests.example")
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.sendmail("x@example.ir", [RECIPIENT], raw)
        assert refused.value.smtp_code == 552
    assert len(mail_server.rows("SELECT id FROM inbound_emails")) == before


def test_bounce_with_null_sender_is_stored_and_automated(mail_server):
    token = uuid.uuid4().hex
    raw = f"From: MAILER-DAEMON@mx.example.ir\r\nSubject: Undelivered {token}\r\n\r\nsorry".encode()
    assert send(mail_server, raw, sender="") == {}
    row = mail_server.wait_processed(token)
    assert row["envelope_from"] == ""
    assert row["is_automated"] == 1


def test_dot_stuffed_lines_arrive_unstuffed(mail_server):
    token = uuid.uuid4().hex
    raw = f"From: x@example.ir\r\nSubject: dots {token}\r\n\r\n.one dot\r\n..two dots\r\n".encode()
    assert send(mail_server, raw) == {}
    stored = bytes(mail_server.wait_processed(token)["raw"])
    assert b"\r\n.one dot\r\n..two dots\r\n" in stored
