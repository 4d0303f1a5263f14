import Foundation

/// A mailbox: an address and an optional display name (decoded text, never encoded words).
public struct MailAddress: Sendable, Hashable, Codable {
    public var name: String?
    public var address: String

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// For comparisons: lower-cased, trimmed.
    public var key: String { address.trimmingCharacters(in: .whitespaces).lowercased() }

    /// The part after `@`, lower-cased.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return address[address.index(after: at)...].lowercased()
    }

    /// `"Name" <address>` for a header, the name RFC 2047-encoded when it is not ASCII.
    public var headerValue: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        let encoded = MIMEEncodedWords.encode(name)
        if encoded != name { return "\(encoded) <\(address)>" }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\" <\(address)>"
    }

    /// Parses an address list (`To`, `Cc`, `From`): display names with encoded words, quoted
    /// names, comments, and bare addresses. Groups are flattened. Entries without `@` are skipped.
    public static func parseList(_ value: String) -> [MailAddress] {
        var result: [MailAddress] = []
        var flattened = value
        // Groups: "Team: a@b, c@d;" → "a@b, c@d"
        if let colon = flattened.firstIndex(of: ":"), !flattened[..<colon].contains("<"), !flattened[..<colon].contains("\""),
           !flattened[..<colon].contains("@") {
            flattened = String(flattened[flattened.index(after: colon)...]).replacingOccurrences(of: ";", with: "")
        }
        for entry in MIMEBytes.splitOutsideQuotes(flattened, separator: ",") {
            if let address = parseOne(entry) { result.append(address) }
        }
        return result
    }

    public static func parseOne(_ raw: String) -> MailAddress? {
        var entry = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !entry.isEmpty else { return nil }
        var comment: String?
        if let open = entry.lastIndex(of: "("), let close = entry.lastIndex(of: ")"), open < close, !entry.contains("<") {
            comment = String(entry[entry.index(after: open)..<close])
            entry.removeSubrange(open...close)
            entry = entry.trimmingCharacters(in: .whitespaces)
        }
        if let open = entry.lastIndex(of: "<"), let close = entry.lastIndex(of: ">"), open < close {
            let address = entry[entry.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            var name = entry[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\"") { name = MIMEBytes.unquote(name) }
            name = MIMEEncodedWords.decode(name).text.trimmingCharacters(in: .whitespaces)
            guard address.contains("@") || address.isEmpty else { return nil }
            if address.isEmpty { return MailAddress("", name: name.isEmpty ? nil : name) }
            return MailAddress(address, name: name.isEmpty ? nil : name)
        }
        guard entry.contains("@"), !entry.contains(" ") else { return nil }
        let name = comment.map { MIMEEncodedWords.decode($0).text }
        return MailAddress(entry, name: name?.isEmpty == false ? name : nil)
    }
}
