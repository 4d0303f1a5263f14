import Foundation
import PeyvandCore
import Vapor

/// A submitted HTML form, kept exactly as typed (so an error page can write every value back),
/// and turned into the same JSON object the API takes, so pages and API share one input path
/// and report errors under the same field names (`phones.0.number`).
struct FormData {
    /// How a form's fields map onto the API's JSON shape; any other field is a string.
    struct Shape {
        /// Repeated rows named `list.N.field`, sent as an array of objects; blank rows are dropped.
        var rows: Set<String> = []
        /// Fields that may repeat (checkboxes), sent as an array, empty when none was ticked.
        var multiple: Set<String> = []
        /// One text box holding a comma-separated list (tags).
        var commaSeparated: Set<String> = []
        /// Whole numbers, typed with Persian or ASCII digits and any grouping separators.
        var integers: Set<String> = []
        /// Yes/no drop-downs whose options are `true` and `false`, sent as JSON booleans.
        var booleans: Set<String> = []
        /// Fields of the page itself, never sent to the service.
        var ignored: Set<String> = [CSRFField.name, "version", "next"]
    }

    private(set) var pairs: [(name: String, value: String)]

    init(urlEncoded body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The body of a form POST; anything else reads as an empty form.
    init(_ request: Request) async throws {
        guard request.headers.contentType == .urlEncodedForm else { self.init(urlEncoded: ""); return }
        let buffer = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        self.init(urlEncoded: buffer.map { String(buffer: $0) } ?? "")
    }

    func value(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Every field as typed; a repeated field (ticked boxes) joins its values with commas.
    var typed: [String: String] {
        pairs.reduce(into: [:]) { result, pair in
            result[pair.name] = result[pair.name].map { "\($0),\(pair.value)" } ?? pair.value
        }
    }

    /// The JSON object of the form, and for each row list which typed row each sent row came
    /// from (blank rows are dropped), so an error on `phones.0` can be shown beside the row the
    /// user actually filled in. A blank field is `null`: on an edit form, it clears the value.
    func json(_ shape: Shape) -> (object: [String: JSONValue], rowOrigins: [String: [Int]]) {
        var object: [String: JSONValue] = [:]
        var rows: [String: [Int: [String: JSONValue]]] = [:]
        var nested: [String: [String: JSONValue]] = [:]
        for name in shape.rows { rows[name] = [:] }
        for name in shape.multiple { Self.assign(.array([]), to: name, in: &object, nested: &nested) }

        for (name, raw) in pairs where !shape.ignored.contains(name) {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = name.split(separator: ".", maxSplits: 2).map(String.init)
            if parts.count == 3, shape.rows.contains(parts[0]), let index = Int(parts[1]) {
                rows[parts[0], default: [:]][index, default: [:]][parts[2]] = value.isEmpty ? .null : .string(value)
            } else if shape.multiple.contains(name) {
                if !value.isEmpty { Self.append(.string(value), to: name, in: &object, nested: &nested) }
            } else if shape.commaSeparated.contains(name) {
                let items = value.split(whereSeparator: { $0 == "," || $0 == "،" })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                Self.assign(.array(items.map(JSONValue.string)), to: name, in: &object, nested: &nested)
            } else if shape.integers.contains(name) {
                Self.assign(Self.integer(value), to: name, in: &object, nested: &nested)
            } else if shape.booleans.contains(name) {
                Self.assign(value.isEmpty ? .null : .bool(value == "true"), to: name, in: &object, nested: &nested)
            } else {
                Self.assign(value.isEmpty ? .null : .string(value), to: name, in: &object, nested: &nested)
            }
        }
        var origins: [String: [Int]] = [:]
        for (list, byIndex) in rows {
            let filled = byIndex.keys.sorted().filter { index in byIndex[index]!.values.contains { $0 != .null } }
            object[list] = .array(filled.map { .object(byIndex[$0]!) })
            origins[list] = filled
        }
        for (parent, members) in nested { object[parent] = .object(members) }
        return (object, origins)
    }

    private static func integer(_ text: String) -> JSONValue {
        let digits = PersianText.toASCIIDigits(text).filter { ![",", "٬", " ", "\u{200C}"].contains($0) }
        if digits.isEmpty { return .null }
        if let number = Int64(digits) { return .int(number) }
        return .string(text)
    }

    private static func assign(_ value: JSONValue, to name: String, in object: inout [String: JSONValue],
                               nested: inout [String: [String: JSONValue]]) {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 { nested[parts[0], default: [:]][parts[1]] = value } else { object[name] = value }
    }

    private static func append(_ value: JSONValue, to name: String, in object: inout [String: JSONValue],
                               nested: inout [String: [String: JSONValue]]) {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let existing = parts.count == 2 ? nested[parts[0]]?[parts[1]] : object[name]
        guard case .array(var items)? = existing else { return assign(.array([value]), to: name, in: &object, nested: &nested) }
        items.append(value)
        assign(.array(items), to: name, in: &object, nested: &nested)
    }

    private static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }
}
