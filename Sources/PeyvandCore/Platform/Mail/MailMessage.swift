import Foundation

/// Something the parser noticed and worked around; parsing itself never fails.
public struct MailProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case malformedHeader, unknownCharset, missingBoundary, unterminatedMultipart, badBase64,
             unknownTransferEncoding, tooDeep, noHeader
    }

    public var kind: Kind
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}

/// A file carried by a message (or an inline image).
public struct MailAttachment: Sendable, Equatable {
    public var filename: String?
    /// Lower-cased `type/subtype`.
    public var contentType: String
    public var contentID: String?
    public var isInline: Bool
    public var data: Data

    public init(filename: String?, contentType: String, contentID: String? = nil, isInline: Bool = false, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.contentID = contentID
        self.isInline = isInline
        self.data = data
    }
}

/// Why a message looks machine-sent (so it must get no automatic reply).
public enum AutoResponseSignal: String, Sendable, Equatable, Codable {
    case autoSubmitted, precedence, xAutoreply, xAutoResponseSuppress, mailerDaemon, nullReturnPath, listHeaders
}

/// A parsed RFC 5322 / MIME message: everything a module needs to turn mail into records.
public struct MailMessage: Sendable {
    public var headers: MailHeaders
    /// Decoded (RFC 2047).
    public var subject: String
    public var from: MailAddress?
    public var replyTo: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var date: Date?
    /// Without angle brackets.
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]
    public var textBody: String?
    public var htmlBody: String?
    public var attachments: [MailAttachment]
    public var problems: [MailProblem]
    /// Empty for a message a person wrote.
    public var autoResponseSignals: [AutoResponseSignal]

    /// The plain-text body, or a text rendering of the HTML one.
    public var body: String {
        if let textBody, !textBody.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return textBody }
        if let htmlBody { return HTMLText.plainText(htmlBody) }
        return textBody ?? ""
    }

    public var isAutomated: Bool { !autoResponseSignals.isEmpty }

    /// Every message id this one refers to, nearest first (In-Reply-To, then References newest first).
    public var threadReferences: [String] {
        var seen = Set<String>()
        return (inReplyTo + references.reversed()).filter { seen.insert($0).inserted }
    }

    /// Parses a whole message. `returnPath` is the SMTP envelope sender when known (`""` for the
    /// null reverse path `<>` bounces use).
    public static func parse(_ raw: some Collection<UInt8>, returnPath: String? = nil) -> MailMessage {
        let bytes = ArraySlice(Array(raw))
        var problems: [MailProblem] = []
        var state = ParseState()
        let (headerBytes, bodyBytes) = MIMEBytes.splitHeaderAndBody(bytes)
        let headers = MailHeaders.parse(headerBytes, problems: &problems)
        if headers.fields.isEmpty {
            problems.append(.init(.noHeader, "no header fields found"))
        }
        parsePart(headers: headers, body: bodyBytes, depth: 0, parentType: nil, state: &state, problems: &problems)

        func decoded(_ name: String) -> String? {
            guard let raw = headers[name] else { return nil }
            let (text, unknown) = MIMEEncodedWords.decode(raw)
            for charset in unknown { problems.append(.init(.unknownCharset, "\(name) uses charset \(charset)")) }
            return text
        }
        let subject = decoded("Subject") ?? ""
        let from = headers["From"].flatMap { MailAddress.parseList($0).first }
        let message = MailMessage(
            headers: headers,
            subject: subject.trimmingCharacters(in: .whitespacesAndNewlines),
            from: from,
            replyTo: headers["Reply-To"].map(MailAddress.parseList) ?? [],
            to: headers.all("To").flatMap(MailAddress.parseList),
            cc: headers.all("Cc").flatMap(MailAddress.parseList),
            date: headers["Date"].flatMap(MailDate.parse),
            messageID: headers["Message-ID"].flatMap { messageIDs(in: $0).first },
            inReplyTo: headers["In-Reply-To"].map(messageIDs(in:)) ?? [],
            references: headers.all("References").flatMap(messageIDs(in:)),
            textBody: state.text,
            htmlBody: state.html,
            attachments: state.attachments,
            problems: problems,
            autoResponseSignals: []
        )
        var result = message
        result.autoResponseSignals = AutoResponseDetector.signals(headers: headers, from: from, returnPath: returnPath)
        return result
    }

    /// `<a@b> <c@d>` → ["a@b", "c@d"]; a bare id without brackets is taken whole.
    public static func messageIDs(in value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let id = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = value.trimmingCharacters(in: .whitespaces)
            if !bare.isEmpty, !bare.contains(" "), bare.contains("@") { ids.append(bare) }
        }
        return ids
    }

    private struct ParseState {
        var text: String?
        var html: String?
        var attachments: [MailAttachment] = []
    }

    private static let maximumDepth = 20

    private static func parsePart(headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int, parentType: String?,
                                  state: inout ParseState, problems: inout [MailProblem]) {
        guard depth <= maximumDepth else {
            problems.append(.init(.tooDeep, "multipart nesting deeper than \(maximumDepth) ignored"))
            return
        }
        let defaultType = parentType == "multipart/digest" ? "message/rfc822" : "text/plain"
        let contentType = MIMEParameterisedValue(headers["Content-Type"] ?? defaultType)
        let type = contentType.value.isEmpty || !contentType.value.contains("/") ? defaultType : contentType.value
        let disposition = headers["Content-Disposition"].map(MIMEParameterisedValue.init)

        if type.hasPrefix("multipart/") {
            guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                problems.append(.init(.missingBoundary, "\(type) without a boundary; read as text"))
                leaf(headers: headers, type: "text/plain", contentType: contentType, disposition: disposition, body: body,
                     state: &state, problems: &problems)
                return
            }
            let (parts, terminated) = splitMultipart(body, boundary: boundary)
            if !terminated { problems.append(.init(.unterminatedMultipart, "\(type) boundary \(boundary) has no closing line")) }
            if parts.isEmpty {
                problems.append(.init(.missingBoundary, "\(type) boundary \(boundary) never appears; read as text"))
                leaf(headers: headers, type: "text/plain", contentType: contentType, disposition: disposition, body: body,
                     state: &state, problems: &problems)
                return
            }
            for part in parts {
                let (partHeaderBytes, partBody) = MIMEBytes.splitHeaderAndBody(part)
                // A part that starts with an empty line has no header fields.
                let partHeaders = part.first == 0x0A || (part.first == 0x0D && part.dropFirst().first == 0x0A)
                    ? MailHeaders() : MailHeaders.parse(partHeaderBytes, problems: &problems)
                let partContent = part.first == 0x0A || (part.first == 0x0D && part.dropFirst().first == 0x0A)
                    ? part.drop(while: { $0 == 0x0D }).dropFirst() : partBody
                parsePart(headers: partHeaders, body: partContent, depth: depth + 1, parentType: type, state: &state, problems: &problems)
            }
            return
        }
        leaf(headers: headers, type: type, contentType: contentType, disposition: disposition, body: body, state: &state, problems: &problems)
    }

    private static func leaf(headers: MailHeaders, type: String, contentType: MIMEParameterisedValue, disposition: MIMEParameterisedValue?,
                             body: ArraySlice<UInt8>, state: inout ParseState, problems: inout [MailProblem]) {
        let encoding = (headers["Content-Transfer-Encoding"] ?? "7bit").trimmingCharacters(in: .whitespaces).lowercased()
        let content: [UInt8]
        switch encoding {
        case "base64":
            let (decoded, clean) = MIMEBytes.base64Decoded(body)
            if !clean { problems.append(.init(.badBase64, "\(type) part has invalid base64; decoded what could be")) }
            content = decoded
        case "quoted-printable":
            content = MIMEBytes.quotedPrintableDecoded(body)
        case "7bit", "8bit", "binary", "":
            content = Array(body)
        default:
            problems.append(.init(.unknownTransferEncoding, "\(encoding) read as 8bit"))
            content = Array(body)
        }
        let filename = disposition?.parameters["filename"] ?? contentType.parameters["name"]
        let isTextBody = (type == "text/plain" || type == "text/html") && disposition?.value != "attachment"
        if isTextBody && !(type == "text/plain" && state.text != nil) && !(type == "text/html" && state.html != nil) {
            let charset = contentType.parameters["charset"]
            let (text, known) = MailCharset.decode(content, charset: charset ?? "us-ascii")
            if !known { problems.append(.init(.unknownCharset, "\(type) part uses charset \(charset ?? "?"); read as UTF-8")) }
            let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
            if type == "text/plain" { state.text = normalised } else { state.html = normalised }
            return
        }
        let contentID = headers["Content-ID"].flatMap { messageIDs(in: $0).first ?? $0 }
        let safeName = filename.map { name in String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "") }
        state.attachments.append(MailAttachment(
            filename: safeName?.isEmpty == false ? safeName : nil, contentType: type, contentID: contentID,
            isInline: disposition?.value == "inline", data: Data(content)))
    }

    /// The parts between `--boundary` lines, and whether the closing `--boundary--` appeared.
    private static func splitMultipart(_ body: ArraySlice<UInt8>, boundary: String) -> ([ArraySlice<UInt8>], Bool) {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        var index = body.startIndex
        func isDelimiter(_ line: ArraySlice<UInt8>) -> (Bool, closing: Bool) {
            guard line.count >= delimiter.count, line.prefix(delimiter.count).elementsEqual(delimiter) else { return (false, false) }
            let rest = line.dropFirst(delimiter.count)
            if rest.starts(with: [0x2D, 0x2D]) { return (true, true) }
            return (rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }, false)
        }
        while lineStart < body.endIndex {
            index = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            let line = body[lineStart..<index]
            let (found, closing) = isDelimiter(line)
            if found {
                if let start = partStart {
                    // The CRLF before the delimiter belongs to the delimiter.
                    var end = lineStart
                    if end > start && body[end - 1] == 0x0A { end -= 1 }
                    if end > start && body[end - 1] == 0x0D { end -= 1 }
                    parts.append(body[start..<max(start, end)])
                }
                if closing { return (parts, true) }
                partStart = min(index + 1, body.endIndex)
            }
            lineStart = index + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return (parts, false)
    }
}

/// RFC 5322 dates, with and without the day name, and common sloppy variants.
public enum MailDate {
    public static func parse(_ value: String) -> Date? {
        var text = value.trimmingCharacters(in: .whitespaces)
        if let paren = text.firstIndex(of: "(") { text = String(text[..<paren]).trimmingCharacters(in: .whitespaces) }
        if let comma = text.firstIndex(of: ",") { text = String(text[text.index(after: comma)...]).trimmingCharacters(in: .whitespaces) }
        text = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        for format in ["d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z", "d MMM yy HH:mm:ss Z", "d MMM yyyy HH:mm:ss zzz"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// `Mon, 23 Nov 2026 20:11:20 +0000`.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// Recognises mail sent by machines: auto-replies, bounces, lists (RFC 3834 and common practice).
public enum AutoResponseDetector {
    public static func signals(headers: MailHeaders, from: MailAddress?, returnPath: String?) -> [AutoResponseSignal] {
        var signals: [AutoResponseSignal] = []
        if let value = headers["Auto-Submitted"]?.trimmingCharacters(in: .whitespaces).lowercased(), !value.isEmpty, !value.hasPrefix("no") {
            signals.append(.autoSubmitted)
        }
        if let value = headers["Precedence"]?.trimmingCharacters(in: .whitespaces).lowercased(), ["bulk", "junk", "list", "auto_reply"].contains(value) {
            signals.append(.precedence)
        }
        if headers["X-Autoreply"] != nil || headers["X-Autorespond"] != nil || headers["X-Auto-Reply"] != nil { signals.append(.xAutoreply) }
        if headers["X-Auto-Response-Suppress"].map({ $0.lowercased().contains("all") || $0.lowercased().contains("autoreply") || $0.lowercased().contains("oof") }) == true {
            signals.append(.xAutoResponseSuppress)
        }
        if headers["List-Id"] != nil || headers["List-Unsubscribe"] != nil { signals.append(.listHeaders) }
        let daemonNames = ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply", "bounce", "bounces"]
        if let local = from?.key.split(separator: "@").first.map(String.init),
           daemonNames.contains(where: { local == $0 || local.hasPrefix($0 + "+") || local.hasPrefix($0 + "-") }) {
            signals.append(.mailerDaemon)
        }
        let headerReturnPath = headers["Return-Path"].map { $0.trimmingCharacters(in: .whitespaces) }
        if returnPath == "" || headerReturnPath == "<>" { signals.append(.nullReturnPath) }
        return signals
    }
}
