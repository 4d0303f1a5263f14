import FluentKit
import Foundation

/// The remembered outcome of a POST sent with an `Idempotency-Key`, replayed for 24 hours.
public final class IdempotencyRecord: OrganisationScoped, @unchecked Sendable {
    public static let schema = "idempotency_keys"
    public static var organisationKey: KeyPath<IdempotencyRecord, FieldProperty<IdempotencyRecord, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "key") public var key: String
    /// SHA-256 of method, path and body: the same key with another request is refused.
    @Field(key: "request_hash") public var requestHash: String
    @OptionalField(key: "status_code") public var statusCode: Int?
    @OptionalField(key: "response_headers") public var responseHeadersJSON: String?
    @OptionalField(key: "response_body") public var responseBody: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(organisationID: UUID, userID: UUID, key: String, requestHash: String, createdAt: Date) {
        self.id = UUIDv7.make(at: createdAt)
        self.organisationID = organisationID
        self.userID = userID
        self.key = key
        self.requestHash = requestHash
        self.createdAt = createdAt
    }

    public var isComplete: Bool { statusCode != nil }
}
