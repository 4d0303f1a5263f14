import Foundation
import Testing
@testable import PeyvandCore

@Suite("Mail parsing and composing")
struct MailMessageTests {
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test("folded headers, Persian RFC 2047 subject (B and Q), threading ids")
    func headersAndThreading() {
        let raw = Self.crlf("""
            Return-Path: <ali@example.ir>
            From: =?UTF-8?B?2LnZhNuMINix2LbYp9uM24w=?= <ali@example.ir>
            To: "Support" <support@peyvand.test>,
             other@peyvand.test
            Subject: =?UTF-8?B?2K/Ysdiu2YjYp9iz2Kog2b7YtNiq24zYqNin2YbbjA==?=
             =?UTF-8?Q?_=DB=B1=DB=B2?=
            Message-ID: <abc.123@example.ir>
            In-Reply-To: <case-7@peyvand.test>
            References: <first@peyvand.test>
             <case-7@peyvand.test>
            Date: Mon, 23 Nov 2026 10:00:00 +0330
            Content-Type: text/plain; charset=utf-8

            سلام، سفارش من نرسیده است.
            """)
        let message = MailMessage.parse(raw)
        #expect(message.subject == "درخواست پشتیبانی ۱۲")
        #expect(message.from == MailAddress("ali@example.ir", name: "علی رضایی"))
        #expect(message.to.map(\.address) == ["support@peyvand.test", "other@peyvand.test"])
        #expect(message.messageID == "abc.123@example.ir")
        #expect(message.inReplyTo == ["case-7@peyvand.test"])
        #expect(message.references == ["first@peyvand.test", "case-7@peyvand.test"])
        #expect(message.threadReferences == ["case-7@peyvand.test", "first@peyvand.test"])
        #expect(message.body == "سلام، سفارش من نرسیده است.")
        #expect(message.date == Date(timeIntervalSince1970: 1_795_415_400))
        #expect(message.problems.isEmpty)
        #expect(!message.isAutomated)
    }

    @Test("windows-1256 and ISO-8859-6 encoded words and bodies")
    func arabicScriptCharsets() {
        // "سلام" in windows-1256 is D3 E1 C7 E3; "پیام" uses the Persian letters 81 ED C7 E3.
        let raw: [UInt8] = Self.crlf("Subject: =?windows-1256?Q?=D3=E1=C7=E3?= =?windows-1256?B?ge3H4w==?=\nContent-Type: text/plain; charset=windows-1256\nContent-Transfer-Encoding: quoted-printable\n\n=81=ED=C7=E3\n")
        let message = MailMessage.parse(raw)
        #expect(message.subject == "سلامپ\u{064A}ام")
        #expect(message.body == "پ\u{064A}ام\n")
        let iso = MailMessage.parse(Self.crlf("Subject: =?ISO-8859-6?Q?=D3=E4=C7=E5?=\n\nx"))
        #expect(iso.subject == "سلام")
    }

    @Test("an unknown charset is read as UTF-8 and reported, not a crash")
    func unknownCharset() {
        let raw = Self.crlf("Subject: =?x-klingon?Q?caf=C3=A9?=\nContent-Type: text/plain; charset=x-unknown-42\n\nسلام")
        let message = MailMessage.parse(raw)
        #expect(message.subject == "café")
        #expect(message.body == "سلام")
        #expect(message.problems.filter { $0.kind == .unknownCharset }.count == 2)
    }

    @Test("nested multipart: alternative text and HTML, inline image, RFC 2231 Persian attachment name")
    func nestedMultipart() {
        let raw = Self.crlf("""
            From: a@b.c
            Subject: test
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset="utf-8"
            Content-Transfer-Encoding: quoted-printable

            =D8=B3=D9=84=D8=A7=D9=85 soft=
             break
            --inner
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PHA+2LPZhNin2YU8L3A+
            --inner--
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=utf-8''%D9%81%D8%A7%DA%A9%D8%AA%D9%88%D8%B1.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer
            Content-Type: image/png; name="logo.png"
            Content-Disposition: inline
            Content-ID: <logo@x>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --outer--
            epilogue
            """)
        let message = MailMessage.parse(raw)
        #expect(message.textBody == "سلام soft break")
        #expect(message.htmlBody == "<p>سلام</p>")
        #expect(message.attachments.count == 2)
        #expect(message.attachments[0].filename == "فاکتور.pdf")
        #expect(message.attachments[0].data == Data("%PDF-1.4\n".utf8))
        #expect(message.attachments[1].filename == "logo.png")
        #expect(message.attachments[1].isInline)
        #expect(message.attachments[1].contentID == "logo@x")
        #expect(message.problems.isEmpty)
    }

    @Test("RFC 2231 continuations and encoded-word filenames")
    func filenameForms() {
        let value = MIMEParameterisedValue("attachment; filename*0*=utf-8''%D8%B3%D9%84; filename*1*=%D8%A7%D9%85; filename*2=.txt")
        #expect(value.parameters["filename"] == "سلام.txt")
        let word = MIMEParameterisedValue("application/pdf; name=\"=?UTF-8?B?2YHYp9qp2KrZiNixLnBkZg==?=\"")
        #expect(word.parameters["name"] == "فاکتور.pdf")
    }

    @Test("malformed MIME gives a best-effort message and problems", arguments: [
        "Content-Type: multipart/mixed\n\nno boundary at all",
        "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nnever closed",
        "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64***",
        "just a line with no header\n\nand a body",
        "Subject: =?utf-8?B?broken\nContent-Type: text/plain; charset=\"\n\n=ZZ=",
        "",
        "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; boundary=a\n\n--a\n--a--",
    ])
    func malformed(_ text: String) {
        let message = MailMessage.parse(Self.crlf(text))
        _ = message.body
        #expect(message.problems.count + (message.body.isEmpty ? 0 : 1) >= 1 || text.isEmpty)
    }

    @Test("deep nesting stops with a problem instead of recursing forever")
    func deepNesting() {
        var text = "Content-Type: multipart/mixed; boundary=b0\n\n"
        for depth in 0..<40 { text += "--b\(depth)\nContent-Type: multipart/mixed; boundary=b\(depth + 1)\n\n" }
        let message = MailMessage.parse(Self.crlf(text))
        #expect(message.problems.contains { $0.kind == .tooDeep })
    }

    @Test("a 4 MB base64 attachment parses whole")
    func largeAttachment() {
        let payload = Data((0..<(4 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let mail = OutgoingMail(from: MailAddress("a@b.ir"), to: [MailAddress("c@d.ir")], subject: "big", textBody: "see attached",
                                attachments: [.init(filename: "big.bin", data: payload)])
        let raw = Array(MailComposer.compose(mail, messageID: "big@b.ir", date: Date()).utf8)
        let started = Date()
        let message = MailMessage.parse(raw)
        print("parsed \(raw.count) bytes in \(Date().timeIntervalSince(started)) s")
        #expect(message.attachments.first?.data == payload)
        #expect(message.textBody == "see attached")
    }

    @Test("HTML-only mail gets a text rendering")
    func htmlOnly() {
        let raw = Self.crlf("Content-Type: text/html; charset=utf-8\n\n<html><head><style>p{}</style></head><body><p>سلام&nbsp;دنیا</p><div>A &amp; B</div><br><ul><li>یک</li></ul><script>x()</script></body></html>")
        let message = MailMessage.parse(raw)
        #expect(message.textBody == nil)
        #expect(message.body == "سلام دنیا\n\nA & B\n\n• یک")
    }

    @Test("auto-responders, bounces and lists are recognised", arguments: [
        ("Auto-Submitted: auto-replied", AutoResponseSignal.autoSubmitted),
        ("Precedence: bulk", .precedence),
        ("Precedence: list", .precedence),
        ("X-Autoreply: yes", .xAutoreply),
        ("X-Auto-Response-Suppress: All", .xAutoResponseSuppress),
        ("List-Id: <news.example.ir>", .listHeaders),
        ("Return-Path: <>", .nullReturnPath),
    ])
    func autoResponders(_ header: String, _ signal: AutoResponseSignal) {
        let message = MailMessage.parse(Self.crlf("From: someone@example.ir\n\(header)\nSubject: x\n\nbody"))
        #expect(message.autoResponseSignals.contains(signal))
        #expect(message.isAutomated)
    }

    @Test("mailer-daemon senders and the null envelope sender are automated; Auto-Submitted: no is not")
    func daemons() {
        #expect(MailMessage.parse(Self.crlf("From: MAILER-DAEMON@mx.example.ir\n\nx")).isAutomated)
        #expect(MailMessage.parse(Self.crlf("From: a@b.ir\n\nx"), returnPath: "").isAutomated)
        #expect(!MailMessage.parse(Self.crlf("From: a@b.ir\nAuto-Submitted: no\n\nx"), returnPath: "a@b.ir").isAutomated)
    }

    @Test("composed Persian mail parses back to the same text, names, threading and attachments")
    func composeRoundTrip() {
        let mail = OutgoingMail(
            from: MailAddress("support@peyvand.test", name: "پشتیبانی پیوند"),
            to: [MailAddress("ali@example.ir", name: "علی رضایی"), MailAddress("b@example.ir")],
            subject: "پاسخ به درخواست شماره ۱۲۳۴ — [#CASE-1234] با یک عنوان بلند که باید در چند کلمه‌ی رمزشده بشکند",
            textBody: "سلام علی جان،\n.این خط با نقطه شروع می‌شود\n" + String(repeating: "خیلی طولانی ", count: 20),
            htmlBody: "<p>سلام</p>",
            inReplyTo: "abc.123@example.ir", references: ["first@example.ir"],
            attachments: [.init(filename: "گزارش.txt", contentType: "text/plain", data: Data("محتوا".utf8))],
            extraHeaders: [MailHeader(name: "Auto-Submitted", value: "auto-replied")])
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let text = MailComposer.compose(mail, messageID: "m1@peyvand.test", date: date)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 998 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let parsed = MailMessage.parse(Array(text.utf8))
        #expect(parsed.subject == mail.subject)
        #expect(parsed.from == mail.from)
        #expect(parsed.to == mail.to)
        #expect(parsed.messageID == "m1@peyvand.test")
        #expect(parsed.inReplyTo == ["abc.123@example.ir"])
        #expect(parsed.references == ["first@example.ir", "abc.123@example.ir"])
        #expect(parsed.textBody == mail.textBody)
        #expect(parsed.htmlBody == "<p>سلام</p>")
        #expect(parsed.attachments.first?.filename == "گزارش.txt")
        #expect(parsed.attachments.first?.data == Data("محتوا".utf8))
        #expect(parsed.date == date)
        #expect(parsed.isAutomated)
        #expect(parsed.problems.isEmpty)
    }

    @Test("an ASCII-only message stays 7bit and readable")
    func asciiCompose() {
        let mail = OutgoingMail(from: MailAddress("a@b.ir"), to: [MailAddress("c@d.ir")], subject: "Hello", textBody: "Hi there")
        let text = MailComposer.compose(mail, messageID: "x@b.ir", date: Date(timeIntervalSince1970: 0))
        #expect(text.contains("Subject: Hello\r\n"))
        #expect(text.contains("Content-Transfer-Encoding: 7bit"))
        #expect(text.hasSuffix("\r\n\r\nHi there"))
    }

    @Test("quoted-printable keeps lines short and round-trips")
    func quotedPrintable() {
        let source = String(repeating: "ب", count: 100) + " \nend = here "
        let encoded = MailComposer.quotedPrintable(source)
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        let decoded = MIMEBytes.quotedPrintableDecoded(Array(encoded.utf8))
        #expect(String(decoding: decoded, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n") == source)
    }
}
