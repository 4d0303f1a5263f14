import FluentKit
import Foundation

/// One create, update or delete: who, when, what, and each changed field's before and after.
public final class AuditEntry: OrganisationScoped, @unchecked Sendable {
    public static let schema = "audit_log"
    public static var organisationKey: KeyPath<AuditEntry, FieldProperty<AuditEntry, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @OptionalField(key: "actor_user_id") public var actorUserID: UUID?
    /// `create`, `update` or `delete`.
    @Field(key: "action") public var action: String
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: UUID
    /// `{"field": {"before": …, "after": …}}` as JSON.
    @Field(key: "changes") public var changesJSON: String
    @OptionalField(key: "request_id") public var requestID: String?
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}

    public init(organisationID: UUID, actorUserID: UUID?, action: String, recordType: String, recordID: UUID,
                changesJSON: String, requestID: String?, occurredAt: Date) {
        self.id = UUIDv7.make(at: occurredAt)
        self.organisationID = organisationID
        self.actorUserID = actorUserID
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.changesJSON = changesJSON
        self.requestID = requestID
        self.occurredAt = occurredAt
    }
}
