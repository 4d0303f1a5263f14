/// The families of failure the edges (API, pages, CLI) translate into their own terms.
public enum DomainErrorKind: Sendable, Equatable {
    case validation
    case unauthenticated
    case forbidden
    case notFound
    case conflict
    case preconditionFailed
    case rateLimited(retryAfterSeconds: Int)
}

/// Stable identifiers of problems, used as the `type` of problem details and as message keys.
public enum ProblemCode: String, CaseIterable, Sendable {
    case validationFailed = "validation-failed"
    case malformedJSON = "malformed-json"
    case unauthenticated
    case invalidCredentials = "invalid-credentials"
    case forbidden
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    case conflict
    case emailTaken = "email-taken"
    case nameTaken = "name-taken"
    case builtInRoleImmutable = "built-in-role-immutable"
    case roleInUse = "role-in-use"
    case lastAdministrator = "last-administrator"
    case organisationExists = "organisation-exists"
    case staleVersion = "stale-version"
    case idempotencyKeyReused = "idempotency-key-reused"
    case idempotentRequestInProgress = "idempotent-request-in-progress"
    case payloadTooLarge = "payload-too-large"
    case unsupportedMediaType = "unsupported-media-type"
    case tooManyRequests = "too-many-requests"
    case badRequest = "bad-request"
    case internalError = "internal-error"
    case serviceUnavailable = "service-unavailable"
    case duplicateRecord = "duplicate-record"
    case alreadyConverted = "already-converted"
    case invalidTransition = "invalid-transition"
    case recordInUse = "record-in-use"
}

/// A failure the domain understands. Modules declare their own error enums conforming to this,
/// carrying the ids involved; the edge maps them once (problem+json, inline form message).
public protocol DomainError: Error, Sendable {
    var kind: DomainErrorKind { get }
    var code: ProblemCode { get }
    var fieldErrors: [FieldError] { get }
    /// Extra members of the problem body (RFC 9457 extensions), e.g. the duplicate candidates.
    var extensions: [String: JSONValue] { get }
}

extension DomainError {
    public var fieldErrors: [FieldError] { [] }
    public var extensions: [String: JSONValue] { [:] }
}

/// The platform's own failures (users, teams, roles, auth, concurrency).
public enum PlatformError: DomainError, Equatable {
    case invalidCredentials
    case unauthenticated
    case forbidden(PermissionModule, PermissionAction)
    case notFound(recordType: String)
    case emailTaken
    case nameTaken(field: String)
    case builtInRoleImmutable
    case roleInUse
    case lastAdministrator
    case organisationExists
    case staleVersion(expected: Int, current: Int)
    case loginThrottled(retryAfterSeconds: Int)

    public var kind: DomainErrorKind {
        switch self {
        case .invalidCredentials, .unauthenticated: .unauthenticated
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .emailTaken, .nameTaken, .builtInRoleImmutable, .roleInUse, .lastAdministrator, .organisationExists: .conflict
        case .staleVersion: .preconditionFailed
        case .loginThrottled(let seconds): .rateLimited(retryAfterSeconds: seconds)
        }
    }

    public var code: ProblemCode {
        switch self {
        case .invalidCredentials: .invalidCredentials
        case .unauthenticated: .unauthenticated
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .emailTaken: .emailTaken
        case .nameTaken: .nameTaken
        case .builtInRoleImmutable: .builtInRoleImmutable
        case .roleInUse: .roleInUse
        case .lastAdministrator: .lastAdministrator
        case .organisationExists: .organisationExists
        case .staleVersion: .staleVersion
        case .loginThrottled: .tooManyRequests
        }
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .emailTaken: [FieldError(field: "email", code: .notUnique)]
        case .nameTaken(let field): [FieldError(field: field, code: .notUnique)]
        default: []
        }
    }
}
