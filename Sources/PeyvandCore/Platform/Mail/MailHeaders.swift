import Foundation

/// One header field, unfolded (RFC 5322 §2.2.3): the value as written, encoded words not decoded.
public struct MailHeader: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A message's or part's header fields in order; names compare case-insensitively.
public struct MailHeaders: Sendable, Equatable, Codable {
    public var fields: [MailHeader]

    public init(_ fields: [MailHeader] = []) {
        self.fields = fields
    }

    /// The first field with this name.
    public subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    public func all(_ name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// Splits raw header bytes into unfolded fields. Lines without a colon are reported and skipped;
    /// an mbox `From ` line is ignored. Header bytes are read as UTF-8 (RFC 6532), Latin-1 otherwise.
    static func parse(_ bytes: ArraySlice<UInt8>, problems: inout [MailProblem]) -> MailHeaders {
        var fields: [MailHeader] = []
        var current: (name: String, value: String)?
        for rawLine in MIMEBytes.lines(bytes) {
            let line = MIMEBytes.headerText(rawLine)
            if line.isEmpty { continue }
            if line.first == " " || line.first == "\t" {
                if current != nil {
                    current!.value += line
                } else {
                    problems.append(.init(.malformedHeader, "continuation line before any field"))
                }
                continue
            }
            if let current { fields.append(MailHeader(name: current.name, value: current.value.trimmingCharacters(in: .whitespaces))) }
            current = nil
            if fields.isEmpty && line.hasPrefix("From ") { continue }
            guard let colon = line.firstIndex(of: ":"),
                  case let name = line[..<colon].trimmingCharacters(in: .whitespaces), !name.isEmpty, !name.contains(" ")
            else {
                problems.append(.init(.malformedHeader, "line without a field name: \(line.prefix(80))"))
                continue
            }
            current = (name, String(line[line.index(after: colon)...]))
        }
        if let current { fields.append(MailHeader(name: current.name, value: current.value.trimmingCharacters(in: .whitespaces))) }
        return MailHeaders(fields)
    }
}

/// A header value with parameters: `text/plain; charset="utf-8"`, `attachment; filename*=utf-8''…`.
public struct MIMEParameterisedValue: Sendable, Equatable {
    /// Lower-cased: `text/plain`, `attachment`.
    public var value: String
    /// Lower-cased names; RFC 2231 continuations joined and percent-decoded; encoded words decoded.
    public var parameters: [String: String]

    public init(_ raw: String) {
        var parts = MIMEBytes.splitOutsideQuotes(raw, separator: ";")
        value = (parts.isEmpty ? "" : parts.removeFirst()).trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        // name → (index → (value, isExtended))
        var continued: [String: [Int: (String, Bool)]] = [:]
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { continue }
            var name = part[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var text = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\"") {
                text = MIMEBytes.unquote(text)
            }
            let extended = name.hasSuffix("*")
            if extended { name.removeLast() }
            if let star = name.lastIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                continued[String(name[..<star]), default: [:]][index] = (text, extended)
            } else if extended {
                continued[name, default: [:]][0] = (text, true)
            } else {
                plain[name] = MIMEEncodedWords.decode(text).text
            }
        }
        for (name, pieces) in continued {
            var charset: String?
            var bytes: [UInt8] = []
            for index in pieces.keys.sorted() {
                var (text, extended) = pieces[index]!
                if extended {
                    if index == pieces.keys.min() {
                        let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if fields.count == 3 {
                            charset = String(fields[0])
                            text = String(fields[2])
                        }
                    }
                    bytes += MIMEBytes.percentDecoded(text)
                } else {
                    bytes += Array(text.utf8)
                }
            }
            plain[name] = MailCharset.decode(bytes, charset: charset ?? "utf-8").text
        }
        parameters = plain
    }
}
