/// Why one input field was refused. The code is stable (clients switch on it); the message is
/// derived from it in the reader's language by `Messages`.
public enum FieldErrorCode: String, Codable, CaseIterable, Sendable {
    case required
    case mustBeString = "must_be_string"
    case mustBeInteger = "must_be_integer"
    case mustBeBoolean = "must_be_boolean"
    case mustBeObject = "must_be_object"
    case mustBeArray = "must_be_array"
    case tooShort = "too_short"
    case tooLong = "too_long"
    case outOfRange = "out_of_range"
    case invalidFormat = "invalid_format"
    case invalidEmail = "invalid_email"
    case invalidUUID = "invalid_uuid"
    case unknownValue = "unknown_value"
    case notUnique = "not_unique"
    case weakPassword = "weak_password"
    case referencedRecordMissing = "referenced_record_missing"
    case readOnly = "read_only"
    case invalidCharacters = "invalid_characters"
}

public struct FieldError: Error, Codable, Sendable, Equatable {
    public var field: String
    public var code: FieldErrorCode

    public init(field: String, code: FieldErrorCode) {
        self.field = field
        self.code = code
    }
}

/// Input that broke one or more rules; carries every bad field at once so a form or client can
/// show them all in one round trip.
public struct ValidationFailure: DomainError {
    public let fieldErrors: [FieldError]

    public init(_ fieldErrors: [FieldError]) {
        self.fieldErrors = fieldErrors
    }

    public var kind: DomainErrorKind { .validation }
    public var code: ProblemCode { .validationFailed }
}
