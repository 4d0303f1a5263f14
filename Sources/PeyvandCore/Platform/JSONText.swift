import Foundation

/// JSON text of audit diffs and event payloads, written directly rather than through
/// `JSONEncoder`, whose generic machinery was a sixth of a CSV import's time. The output is what
/// `JSONValue.encodeToString` gives (sorted keys, slashes unescaped, non-ASCII as is); a test
/// compares the two.
enum JSONText {
    static func write(_ value: JSONValue, into text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .double(let number):
            // Rare in snapshots; JSONEncoder's number format is kept exactly.
            text += (try? JSONValue.encodeWithFoundation(number)) ?? "null"
        case .string(let string): writeString(string, into: &text)
        case .array(let values):
            text += "["
            for (index, element) in values.enumerated() {
                if index > 0 { text += "," }
                write(element, into: &text)
            }
            text += "]"
        case .object(let members): writeObject(members.sorted { $0.key < $1.key }, into: &text) { write($0, into: &$1) }
        }
    }

    static func writeObject<Value>(_ members: [(key: String, value: Value)], into text: inout String,
                                   value write: (Value, inout String) -> Void) {
        text += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { text += "," }
            writeString(member.key, into: &text)
            text += ":"
            write(member.value, &text)
        }
        text += "}"
    }

    static func writeString(_ string: String, into text: inout String) {
        text += "\""
        var plainStart = string.unicodeScalars.startIndex
        let scalars = string.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String? = switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\u{08}": "\\b"
            case "\u{0C}": "\\f"
            default: scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
            if let escape {
                text.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                text += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        text.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        text += "\""
    }
}

extension JSONValue {
    /// `encodeToString` for a value already in JSONValue form: the fast path.
    public static func encodeToString(_ value: JSONValue) throws -> String {
        var text = ""
        JSONText.write(value, into: &text)
        return text
    }

    public static func encodeToString(_ object: [String: JSONValue]) throws -> String {
        try encodeToString(JSONValue.object(object))
    }

    /// An audit diff: `{"field":{"after":…,"before":…}}`.
    public static func encodeToString(_ changes: [String: FieldChange]) throws -> String {
        var text = ""
        JSONText.writeObject(changes.sorted { $0.key < $1.key }, into: &text) { change, text in
            text += "{\"after\":"
            JSONText.write(change.after, into: &text)
            text += ",\"before\":"
            JSONText.write(change.before, into: &text)
            text += "}"
        }
        return text
    }

    static func encodeWithFoundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
