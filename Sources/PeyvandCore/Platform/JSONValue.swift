import Foundation

/// Any JSON value, for audit snapshots, event payloads and reading request bodies field by field.
public enum JSONValue: Codable, Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    public init(_ uuid: UUID?) { self = uuid.map { .string($0.uuidString.lowercased()) } ?? .null }
    public init(_ string: String?) { self = string.map { .string($0) } ?? .null }
    public init(_ int: Int?) { self = int.map { .int(Int64($0)) } ?? .null }
    public init(_ bool: Bool?) { self = bool.map { .bool($0) } ?? .null }
    public init(_ date: Date?) { self = date.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null }

    /// Sorted keys, slashes unescaped, dates as ISO 8601. JSON values, objects of them and audit
    /// diffs take the faster overloads of `JSONText`.
    public static func encodeToString(_ value: some Encodable) throws -> String {
        try encodeWithFoundation(value)
    }
}

extension JSONValue {
    /// Whether any string or key inside contains U+0000, which PostgreSQL text cannot hold.
    public var containsNUL: Bool {
        switch self {
        case .string(let text): text.contains("\u{0}")
        case .array(let values): values.contains(where: \.containsNUL)
        case .object(let members): members.contains { $0.key.contains("\u{0}") || $0.value.containsNUL }
        case .null, .bool, .int, .double: false
        }
    }
}

extension JSONValue {
    /// Audit snapshots and event payloads are built from plain values; these keep them short.
    public static func from(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    // Upper case, as Foundation encodes UUIDs in every API response.
    public static func from(_ value: UUID?) -> JSONValue { value.map { .string($0.uuidString) } ?? .null }
    public static func from(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
    public static func from(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
    public static func from(_ value: Date?) -> JSONValue {
        value.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null
    }
    public static func from(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
