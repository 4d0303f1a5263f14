import Foundation

/// A record that looks like the one being saved: shown to the user instead of creating a twin.
public struct DuplicateCandidate: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        case phone, email, name
    }

    public var recordType: String
    public var id: UUID
    public var displayName: String
    public var matchedOn: [Reason]
}

/// Failures of the sales module, carrying the records involved.
public enum SalesError: DomainError, Equatable {
    /// Saving would create a likely duplicate; retry with `allow_duplicate` to save anyway.
    /// `hidden`: matches the actor may not read, counted but not shown.
    case duplicates([DuplicateCandidate], hidden: Int)
    case leadAlreadyConverted(leadID: UUID)
    case invalidTransition(field: String, from: String, to: String)
    case recordInUse(recordType: String, dependents: String)
    /// Another live product of the organisation has this SKU (compared case-insensitively).
    case skuTaken(existingProductID: UUID)

    public var kind: DomainErrorKind { .conflict }

    public var code: ProblemCode {
        switch self {
        case .duplicates: .duplicateRecord
        case .leadAlreadyConverted: .alreadyConverted
        case .invalidTransition: .invalidTransition
        case .recordInUse: .recordInUse
        case .skuTaken: .duplicateRecord
        }
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .invalidTransition(let field, _, _): [FieldError(field: field, code: .unknownValue)]
        case .skuTaken: [FieldError(field: "sku", code: .notUnique)]
        default: []
        }
    }

    public var extensions: [String: JSONValue] {
        switch self {
        case .duplicates(let candidates, let hidden):
            ["duplicates": .array(candidates.map { candidate in
                .object(["record_type": .string(candidate.recordType), "id": .from(candidate.id),
                         "name": .string(candidate.displayName), "matched_on": .from(candidate.matchedOn.map(\.rawValue))])
            }), "hidden_duplicates": .from(hidden)]
        case .leadAlreadyConverted(let leadID): ["lead_id": .from(leadID)]
        case .invalidTransition(_, let from, let to): ["from": .string(from), "to": .string(to)]
        case .recordInUse(_, let dependents): ["dependents": .string(dependents)]
        case .skuTaken(let productID): ["existing_id": .from(productID)]
        }
    }
}
