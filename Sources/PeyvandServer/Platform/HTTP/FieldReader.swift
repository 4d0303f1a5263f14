import Foundation
import PeyvandCore
import Vapor

/// Reads a JSON request body field by field, noting every field of the wrong type, so a 422
/// lists all bad fields at once instead of stopping at the first like `Decodable`.
struct FieldReader {
    let object: [String: JSONValue]
    var validator = FieldValidator()
    /// Where this object sits in the body (`phones.0.`), prefixed to every field name it reports.
    private var prefix = ""

    private init(object: [String: JSONValue], prefix: String, validator: FieldValidator) {
        self.object = object
        self.prefix = prefix
        self.validator = validator
    }

    /// Malformed JSON → 400; JSON that is not an object → 422.
    init(_ request: Request) throws {
        guard let contentType = request.headers.contentType, contentType.type == "application",
              contentType.subType == "json" || contentType.subType.hasSuffix("+json")
        else { throw HTTPProblem(code: .unsupportedMediaType, status: .unsupportedMediaType) }
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw HTTPProblem(code: .malformedJSON, status: .badRequest)
        }
        // Vapor enforces the limit while streaming; bodies that arrive whole are checked here.
        guard buffer.readableBytes <= request.application.routes.defaultMaxBodySize.value else {
            throw HTTPProblem(code: .payloadTooLarge, status: .payloadTooLarge)
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        } catch {
            throw HTTPProblem(code: .malformedJSON, status: .badRequest)
        }
        guard case .object(let object) = value else {
            throw HTTPProblem(code: .validationFailed, status: .unprocessableEntity,
                              fieldErrors: [FieldError(field: "body", code: .mustBeObject)])
        }
        self.object = object
        // PostgreSQL cannot store U+0000 in text; refusing it here keeps every store equal.
        for (key, value) in object where value.containsNUL { validator.add(prefix + key, .invalidCharacters) }
    }

    /// A web form's fields, already shaped like an API body by `FormData`.
    init(form object: [String: JSONValue]) {
        self.object = object
        for (key, value) in object where value.containsNUL { validator.add(key, .invalidCharacters) }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// The keys the client sent: on update, exactly the fields to change.
    var providedKeys: Set<String> { Set(object.keys) }

    mutating func int(_ key: String) -> Int? {
        switch object[key] {
        case nil, .null?: return nil
        case .int(let value)? where value >= Int64(Int32.min) && value <= Int64(Int32.max): return Int(value)
        case .int?: validator.add(prefix + key, .outOfRange); return nil
        default:
            validator.add(prefix + key, .mustBeInteger)
            return nil
        }
    }

    mutating func int64(_ key: String) -> Int64? {
        switch object[key] {
        case nil, .null?: return nil
        case .int(let value)?: return value
        default:
            validator.add(prefix + key, .mustBeInteger)
            return nil
        }
    }

    /// An RFC 3339 timestamp (`2026-11-23T09:30:00Z`, fractional seconds allowed).
    mutating func date(_ key: String) -> Date? {
        guard let text = string(key) else { return nil }
        guard let date = Self.timestamp(text) else {
            validator.add(prefix + key, .invalidFormat)
            return nil
        }
        return date
    }

    static func timestamp(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// A number with at most three decimals, in thousandths (`1.5` → 1500), so quantities stay exact.
    mutating func thousandths(_ key: String) -> Int64? {
        switch object[key] {
        case nil, .null?: return nil
        case .int(let value)?:
            guard value <= Int64.max / 1000, value >= Int64.min / 1000 else { validator.add(prefix + key, .outOfRange); return nil }
            return value * 1000
        case .double(let value)?:
            let scaled = (value * 1000).rounded()
            guard scaled.isFinite, abs(scaled) < 9e15, abs(value * 1000 - scaled) < 1e-6 else {
                validator.add(prefix + key, .invalidFormat)
                return nil
            }
            return Int64(scaled)
        default:
            validator.add(prefix + key, .mustBeInteger)
            return nil
        }
    }

    mutating func strings(_ key: String) -> [String]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let values)?:
            var strings: [String] = []
            for value in values {
                guard case .string(let text) = value else { validator.add(prefix + key, .mustBeString); return nil }
                strings.append(text)
            }
            return strings
        default:
            validator.add(prefix + key, .mustBeArray)
            return nil
        }
    }

    /// Reads a nested object with its own reader; its errors are named `key.field`.
    mutating func nested<T>(_ key: String, _ read: (inout FieldReader) -> T) -> T? {
        guard let members = object(key) else { return nil }
        var reader = FieldReader(object: members, prefix: prefix + key + ".", validator: validator)
        let value = read(&reader)
        validator = reader.validator
        return value
    }

    /// Reads an array of objects; errors are named `key.index.field`.
    mutating func nestedList<T>(_ key: String, _ read: (inout FieldReader) -> T) -> [T]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let values)?:
            var items: [T] = []
            var allObjects = true
            for (index, value) in values.enumerated() {
                // Items keep their positions, so errors name the right index; one bad item spoils the list.
                guard case .object(let members) = value else {
                    validator.add("\(prefix)\(key).\(index)", .mustBeObject)
                    allObjects = false
                    continue
                }
                var reader = FieldReader(object: members, prefix: "\(prefix)\(key).\(index).", validator: validator)
                items.append(read(&reader))
                validator = reader.validator
            }
            return allObjects ? items : nil
        default:
            validator.add(prefix + key, .mustBeArray)
            return nil
        }
    }

    mutating func string(_ key: String) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default:
            validator.add(prefix + key, .mustBeString)
            return nil
        }
    }

    /// A required value of `Values` (`"saturday"`): missing is `required`, any other `unknown_value`.
    mutating func choice<Values: RawRepresentable>(_ key: String, _ type: Values.Type) -> Values? where Values.RawValue == String {
        guard let text = string(key) else {
            if object[key] == nil || object[key] == .null { validator.add(prefix + key, .required) }
            return nil
        }
        guard let value = Values(rawValue: text) else {
            validator.add(prefix + key, .unknownValue)
            return nil
        }
        return value
    }

    /// A required time of day, `"08:30"` in any digits, as minutes after midnight (`24:00` ends the day).
    mutating func timeOfDay(_ key: String) -> Int? {
        guard let text = string(key) else {
            if object[key] == nil || object[key] == .null { validator.add(prefix + key, .required) }
            return nil
        }
        guard let minutes = WorkingWeek.Span.minutes(text) else {
            validator.add(prefix + key, .invalidFormat)
            return nil
        }
        return minutes
    }

    mutating func bool(_ key: String) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default:
            validator.add(prefix + key, .mustBeBoolean)
            return nil
        }
    }

    mutating func uuid(_ key: String) -> UUID? {
        guard let text = string(key) else { return nil }
        guard let id = UUID(uuidString: text) else {
            validator.add(prefix + key, .invalidUUID)
            return nil
        }
        return id
    }

    mutating func uuids(_ key: String) -> [UUID]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let values)?:
            var ids: [UUID] = []
            for value in values {
                guard case .string(let text) = value, let id = UUID(uuidString: text) else {
                    validator.add(prefix + key, .invalidUUID)
                    return nil
                }
                ids.append(id)
            }
            return ids
        default:
            validator.add(prefix + key, .mustBeArray)
            return nil
        }
    }

    mutating func object(_ key: String) -> [String: JSONValue]? {
        switch object[key] {
        case nil, .null?: return nil
        case .object(let value)?: return value
        default:
            validator.add(prefix + key, .mustBeObject)
            return nil
        }
    }

    /// Ends reading: throws 422 with every field error collected so far plus `more`.
    func finish(adding more: FieldValidator = FieldValidator()) throws {
        var all = validator
        for error in more.errors { all.add(error) }
        try all.check()
    }
}
