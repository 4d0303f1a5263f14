import Foundation

/// A message a module wants sent. Text is plain Swift strings; encoding is the composer's job.
public struct OutgoingMail: Sendable, Codable, Equatable {
    public struct Attachment: Sendable, Codable, Equatable {
        public var filename: String
        public var contentType: String
        public var data: Data

        public init(filename: String, contentType: String = "application/octet-stream", data: Data) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    /// Envelope recipients not shown in the header.
    public var bcc: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var textBody: String
    public var htmlBody: String?
    /// Without angle brackets: the message this one answers.
    public var inReplyTo: String?
    public var references: [String]
    public var attachments: [Attachment]
    /// Extra fields such as `Auto-Submitted: auto-replied`.
    public var extraHeaders: [MailHeader]

    public init(from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], bcc: [MailAddress] = [], replyTo: MailAddress? = nil,
                subject: String, textBody: String, htmlBody: String? = nil, inReplyTo: String? = nil, references: [String] = [],
                attachments: [Attachment] = [], extraHeaders: [MailHeader] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.inReplyTo = inReplyTo
        self.references = references
        self.attachments = attachments
        self.extraHeaders = extraHeaders
    }

    /// Everyone the message is delivered to (SMTP RCPT TO), without duplicates.
    public var envelopeRecipients: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }
}

/// Builds RFC 5322 messages with MIME: UTF-8 throughout, RFC 2047 headers, quoted-printable text,
/// base64 attachments, CRLF line ends, lines under 78 characters; the result is 7-bit ASCII.
public enum MailComposer {
    /// A new Message-ID (without brackets) in the sender's domain.
    public static func makeMessageID(domain: String, at date: Date = Date()) -> String {
        "\(UUIDv7.make(at: date).uuidString.lowercased())@\(domain.isEmpty ? "peyvand.local" : domain)"
    }

    public static func compose(_ mail: OutgoingMail, messageID: String, date: Date) -> String {
        var lines: [String] = []
        func header(_ name: String, _ value: String) { lines.append(fold("\(name): \(value)")) }
        header("Date", MailDate.format(date))
        header("From", mail.from.headerValue)
        if !mail.to.isEmpty { header("To", mail.to.map(\.headerValue).joined(separator: ", ")) }
        if !mail.cc.isEmpty { header("Cc", mail.cc.map(\.headerValue).joined(separator: ", ")) }
        if let replyTo = mail.replyTo { header("Reply-To", replyTo.headerValue) }
        lines.append("Subject: " + MIMEEncodedWords.encode(mail.subject))
        header("Message-ID", "<\(messageID)>")
        if let inReplyTo = mail.inReplyTo { header("In-Reply-To", "<\(inReplyTo)>") }
        var references = mail.references
        if let inReplyTo = mail.inReplyTo, !references.contains(inReplyTo) { references.append(inReplyTo) }
        if !references.isEmpty { lines.append("References: " + references.map { "<\($0)>" }.joined(separator: "\r\n ")) }
        for extra in mail.extraHeaders { header(extra.name, extra.value) }
        header("MIME-Version", "1.0")

        let boundarySeed = messageID.prefix(while: { $0 != "@" }).replacingOccurrences(of: "-", with: "")
        let body: (headers: [String], body: String)
        let textPart = textEntity(mail.textBody, subtype: "plain")
        let content: (headers: [String], body: String)
        if let html = mail.htmlBody {
            let boundary = "=_alt_\(boundarySeed)"
            content = (["Content-Type: multipart/alternative; boundary=\"\(boundary)\""],
                       multipart([textPart, textEntity(html, subtype: "html")], boundary: boundary))
        } else {
            content = textPart
        }
        if mail.attachments.isEmpty {
            body = content
        } else {
            let boundary = "=_mix_\(boundarySeed)"
            let attachments = mail.attachments.map(attachmentEntity)
            body = (["Content-Type: multipart/mixed; boundary=\"\(boundary)\""], multipart([content] + attachments, boundary: boundary))
        }
        lines += body.headers
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body.body
    }

    private static func multipart(_ entities: [(headers: [String], body: String)], boundary: String) -> String {
        var text = "This is a multi-part message in MIME format.\r\n"
        for entity in entities {
            text += "\r\n--\(boundary)\r\n" + entity.headers.joined(separator: "\r\n") + "\r\n\r\n" + entity.body
        }
        return text + "\r\n--\(boundary)--\r\n"
    }

    private static func textEntity(_ text: String, subtype: String) -> (headers: [String], body: String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let plainASCII = normalised.unicodeScalars.allSatisfy { $0.isASCII }
            && normalised.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 76 && !$0.hasSuffix(" ") }
        if plainASCII {
            return (["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: 7bit"],
                    normalised.replacingOccurrences(of: "\n", with: "\r\n"))
        }
        return (["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
                quotedPrintable(normalised))
    }

    private static func attachmentEntity(_ attachment: OutgoingMail.Attachment) -> (headers: [String], body: String) {
        let filename = attachment.filename.replacingOccurrences(of: "\"", with: "")
        var headers = [fold("Content-Type: \(attachment.contentType); name=\"\(MIMEEncodedWords.encode(filename))\""),
                       "Content-Transfer-Encoding: base64"]
        if filename.unicodeScalars.allSatisfy({ $0.isASCII }) {
            headers.append("Content-Disposition: attachment; filename=\"\(filename)\"")
        } else {
            // RFC 2231 for readers that follow it; the encoded-word `name` above for the others.
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
            let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? "attachment"
            headers.append("Content-Disposition: attachment;\r\n filename*=utf-8''\(encoded)")
        }
        let base64 = attachment.data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return (headers, base64)
    }

    /// Quoted-printable of UTF-8 text, lines ending CRLF, soft breaks keep lines at most 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        var output = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let piece: String
                if (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast) {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = String(format: "=%02X", byte)
                }
                // Do not split a UTF-8 sequence across soft breaks needlessly: break before a lead byte only.
                if current.utf8.count + piece.utf8.count > 75 {
                    output += current + "=\r\n"
                    current = ""
                }
                current += piece
            }
            output += current
            if lineIndex < lines.count - 1 { output += "\r\n" }
        }
        return output
    }

    /// Folds a long structured header at spaces so no line passes 78 characters when it can be helped.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 78 else { return line }
        var result = ""
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.utf8.count + 1 + word.utf8.count > 76 {
                result += current + "\r\n"
                current = " " + word
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        return result + current
    }
}
