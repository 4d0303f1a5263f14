import FluentKit
import Foundation

/// The one-question satisfaction survey sent when a case is resolved: a score from 1 to 5 and an
/// optional comment, answered once through a link whose token is kept only as its SHA-256.
public final class CaseSurvey: Model, Auditable, @unchecked Sendable {
    public static let schema = "case_surveys"
    public static let auditType = "case_survey"

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @OptionalField(key: "contact_id") public var contactID: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    /// The language the survey was sent in, and its page is shown in.
    @Field(key: "language") public var language: String
    @Field(key: "sent_at") public var sentAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "score") public var score: Int?
    @OptionalField(key: "comment") public var comment: String?
    @OptionalField(key: "responded_at") public var respondedAt: Date?

    public init() {}

    init(organisationID: UUID, caseID: UUID, contactID: UUID?, tokenHash: String, language: String, at now: Date, validFor: TimeInterval) {
        self.id = UUIDv7.make(at: now)
        self.organisationID = organisationID
        self.caseID = caseID
        self.contactID = contactID
        self.tokenHash = tokenHash
        self.language = language
        self.sentAt = now
        self.expiresAt = now.addingTimeInterval(validFor)
    }

    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        ["case_id": .from(caseID), "score": .from(score), "comment": .from(comment), "responded_at": .from(respondedAt)]
    }
}
