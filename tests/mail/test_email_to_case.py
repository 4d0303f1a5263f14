"""E-mail to case end to end: real SMTP sessions (smtplib) into `peyvand serve --mail-port`, the
server's acknowledgements and agents' replies delivered by its SMTP client to a real aiosmtpd sink."""

import email
import json
import smtplib
import time
import urllib.request
import uuid
from email.header import Header, decode_header, make_header
from email.message import EmailMessage

RECIPIENT = "support@demo.peyvand.test"


def send(server, message: EmailMessage, sender="hamid@kish.example"):
    with smtplib.SMTP("127.0.0.1", server.mail_port, timeout=20) as client:
        client.ehlo("tests.example")
        assert client.sendmail(sender, [RECIPIENT], message.as_bytes()) == {}


def delivered(server, fragment: str, timeout=30) -> email.message.Message:
    """The message the sink received whose bytes contain `fragment`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for path in sorted(server.sink_directory.glob("*.eml")):
            raw = path.read_bytes()
            if fragment.encode() in raw:
                return email.message_from_bytes(raw)
        time.sleep(0.3)
    raise AssertionError(f"no delivered message containing {fragment!r}")


def api(server, method, path, body=None, token=None):
    request = urllib.request.Request(f"http://127.0.0.1:{server.http_port}/api/v1{path}", method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read() or b"{}")


def subject_of(message) -> str:
    return str(make_header(decode_header(message["Subject"]))).replace("\r", "").replace("\n", "")


def test_a_persian_message_opens_a_case_is_acknowledged_and_an_answer_threads_back(case_mail_server):
    server = case_mail_server
    token = uuid.uuid4().hex
    message = EmailMessage()
    message["From"] = str(Header("حمید بندری", "utf-8")) + " <hamid@kish.example>"
    message["To"] = RECIPIENT
    message["Subject"] = f"کارت‌خوان روشن نمی‌شود {token[:6]}"  # encoded as RFC 2047 words by the policy
    message["Message-ID"] = f"<{token}@kish.example>"
    message.set_content("از صبح چراغ دستگاه خاموش است.")
    message.add_attachment(b"\xff\xd8\xff\xe0 fake jpeg", maintype="image", subtype="jpeg", filename="عکس.jpg")
    assert b"=?utf-8?" in message.as_bytes()
    send(server, message)
    row = server.wait_processed(token)
    assert row["status"] == "handled" and row["handled_record_type"] == "case"
    (case,) = server.rows("SELECT * FROM cases WHERE id = ?", row["handled_record_id"])
    assert case["title"] == f"کارت‌خوان روشن نمی‌شود {token[:6]}"
    assert case["channel"] == "email"
    assert server.rows("SELECT file_name FROM case_attachments WHERE case_id = ?", case["id"])[0]["file_name"] == "عکس.jpg"

    acknowledgement = delivered(server, f"In-Reply-To: <{token}@kish.example>")
    assert case["number"] in subject_of(acknowledgement)
    assert acknowledgement["Auto-Submitted"] == "auto-replied"
    assert acknowledgement["To"].endswith("<hamid@kish.example>") or acknowledgement["To"] == "hamid@kish.example"

    answer = EmailMessage()
    answer["From"] = "hamid@kish.example"
    answer["To"] = RECIPIENT
    answer["Subject"] = "Re: " + subject_of(acknowledgement)
    answer["Message-ID"] = f"<answer-{token}@kish.example>"
    answer["In-Reply-To"] = acknowledgement["Message-ID"]
    answer.set_content("شماره سریال: ۱۲۳۴۵")
    send(server, answer)
    processed = server.wait_processed(f"answer-{token}")
    assert processed["handled_record_id"] == case["id"]
    comments = server.rows("SELECT body, visibility FROM case_comments WHERE case_id = ?", case["id"])
    assert [dict(c) for c in comments] == [{"body": "شماره سریال: ۱۲۳۴۵", "visibility": "public"}]


def test_an_auto_responder_opens_no_acknowledgement_loop(case_mail_server):
    server = case_mail_server
    token = uuid.uuid4().hex
    message = EmailMessage()
    message["From"] = "away@example.ir"
    message["To"] = RECIPIENT
    message["Subject"] = f"Out of office {token}"
    message["Auto-Submitted"] = "auto-replied"
    message["Message-ID"] = f"<{token}@example.ir>"
    message.set_content("I am away.")
    send(server, message, sender="away@example.ir")
    server.wait_processed(token)
    time.sleep(1.5)
    assert not any(b"away@example.ir" in path.read_bytes() for path in server.sink_directory.glob("*.json"))


def test_an_agent_reply_is_delivered_threaded_with_the_case_number(case_mail_server):
    server = case_mail_server
    token = uuid.uuid4().hex
    message = EmailMessage()
    message["From"] = "leila@alborz.example"
    message["To"] = RECIPIENT
    message["Subject"] = f"Invoice {token}"
    message["Message-ID"] = f"<{token}@alborz.example>"
    message.set_content("The November invoice was charged twice.")
    send(server, message, sender="leila@alborz.example")
    row = server.wait_processed(token)
    bearer = api(server, "POST", "/auth/login", {"email": "admin@demo.peyvand.ir", "password": "peyvand-demo-1405"})["token"]
    reply = api(server, "POST", f"/cases/{row['handled_record_id'].lower()}/replies",
                {"body": f"Refunded today {token}"}, token=bearer)
    assert reply["email"]["status"] == "queued"
    delivered_reply = delivered(server, f"Refunded today {token}")
    (case,) = server.rows("SELECT number FROM cases WHERE id = ?", row["handled_record_id"])
    assert subject_of(delivered_reply).endswith(f"[{case['number']}]")
    assert f"{token}@alborz.example" in (delivered_reply["References"] or "")
    deadline = time.time() + 20
    while time.time() < deadline:
        emails = api(server, "GET", f"/cases/{row['handled_record_id'].lower()}/emails", token=bearer)["data"]
        if any(e["status"] == "sent" for e in emails):
            break
        time.sleep(0.3)
    assert any(e["status"] == "sent" for e in emails)
