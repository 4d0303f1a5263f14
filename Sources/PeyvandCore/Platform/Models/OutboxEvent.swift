import FluentKit
import Foundation

/// A fact that other parts of the system must react to (webhooks, e-mail, automation, search).
/// Written in the same transaction as the change it describes, so neither exists without the other.
public final class OutboxEvent: OrganisationScoped, @unchecked Sendable {
    public static let schema = "outbox_events"
    public static var organisationKey: KeyPath<OutboxEvent, FieldProperty<OutboxEvent, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    /// e.g. `user.created`.
    @Field(key: "event_type") public var eventType: String
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: UUID
    @Field(key: "payload") public var payload: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "dispatched_at") public var dispatchedAt: Date?

    public init() {}

    public init(organisationID: UUID, eventType: String, recordType: String, recordID: UUID, payload: String, createdAt: Date) {
        self.id = UUIDv7.make(at: createdAt)
        self.organisationID = organisationID
        self.eventType = eventType
        self.recordType = recordType
        self.recordID = recordID
        self.payload = payload
        self.createdAt = createdAt
    }
}
