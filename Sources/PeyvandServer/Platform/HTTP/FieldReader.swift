import Foundation
import PeyvandCore
import Vapor

/// Reads a JSON request body field by field, noting every field of the wrong type, so a 422
/// lists all bad fields at once instead of stopping at the first like `Decodable`.
struct FieldReader {
    let object: [String: JSONValue]
    var validator = FieldValidator()

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
        for (key, value) in object where value.containsNUL { validator.add(key, .invalidCharacters) }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    mutating func string(_ key: String) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default:
            validator.add(key, .mustBeString)
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default:
            validator.add(key, .mustBeBoolean)
            return nil
        }
    }

    mutating func uuid(_ key: String) -> UUID? {
        guard let text = string(key) else { return nil }
        guard let id = UUID(uuidString: text) else {
            validator.add(key, .invalidUUID)
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
                    validator.add(key, .invalidUUID)
                    return nil
                }
                ids.append(id)
            }
            return ids
        default:
            validator.add(key, .mustBeArray)
            return nil
        }
    }

    mutating func object(_ key: String) -> [String: JSONValue]? {
        switch object[key] {
        case nil, .null?: return nil
        case .object(let value)?: return value
        default:
            validator.add(key, .mustBeObject)
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
