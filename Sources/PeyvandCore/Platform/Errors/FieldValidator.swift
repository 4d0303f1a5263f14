import Foundation

/// Collects every rule a piece of input breaks, so the caller hears about all bad fields at once.
public struct FieldValidator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init(_ errors: [FieldError] = []) {
        self.errors = errors
    }

    public mutating func add(_ field: String, _ code: FieldErrorCode) {
        // One message per field is enough; the first problem found is the one to fix first.
        if !errors.contains(where: { $0.field == field }) {
            errors.append(FieldError(field: field, code: code))
        }
    }

    public mutating func add(_ error: FieldError?) {
        if let error { add(error.field, error.code) }
    }

    /// Adds the problems of a nested object's own validation, naming each field by its path
    /// in the body (`opportunity.` + `amount`).
    public mutating func add(_ nested: FieldValidator, under prefix: String) {
        for error in nested.errors { add(prefix + error.field, error.code) }
    }

    /// A present value must have `1...max` non-blank characters.
    public mutating func text(_ value: String?, _ field: String, required: Bool, max: Int = 200) {
        guard let value else {
            if required { add(field, .required) }
            return
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { add(field, required ? .required : .tooShort) }
        else if trimmed.count > max { add(field, .tooLong) }
    }

    public mutating func email(_ value: String?, _ field: String = "email", required: Bool) {
        guard let value else {
            if required { add(field, .required) }
            return
        }
        if !Self.isEmail(value) { add(field, .invalidEmail) }
    }

    public mutating func oneOf<T: RawRepresentable>(_ value: String?, _ type: T.Type, _ field: String) where T.RawValue == String {
        if let value, T(rawValue: value) == nil { add(field, .unknownValue) }
    }

    /// A deliberately plain check: one `@`, a dot in the domain, no spaces, at most 254 bytes.
    public static func isEmail(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !trimmed.contains(where: \.isWhitespace)
        else { return false }
        return true
    }

    public func check() throws {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}
