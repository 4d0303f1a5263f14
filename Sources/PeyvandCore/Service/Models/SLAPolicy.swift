import FluentKit
import Foundation

/// A service level: how soon a case must get its first response and its resolution, per
/// priority, counted in the organisation's working hours. A contract names the level its
/// account bought; cases without a contract get the organisation's default level.
public final class SLAPolicy: OrganisationScoped, Auditable, @unchecked Sendable {
    public static let schema = "sla_policies"
    public static let auditType = "sla_policy"
    public static var organisationKey: KeyPath<SLAPolicy, FieldProperty<SLAPolicy, UUID>> { \.$organisationID }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    // data fields
    @Field(key: "name") public var name: String
    @Field(key: "name_key") public var nameKey: String
    /// The level of cases with no contract (at most one live policy per organisation).
    @Field(key: "is_default") public var isDefault: Bool
    /// One target per priority; a priority without a target has no clock.
    @Field(key: "targets") public var targets: [SLATarget]
    /// Working minutes before a due time at which the owner is warned.
    @Field(key: "warning_minutes") public var warningMinutes: Int
    /// On breach the case moves to this queue (a member picked by the queue's mode)…
    @OptionalField(key: "escalation_queue_id") public var escalationQueueID: UUID?
    /// …and this person (a team lead or manager) is told by e-mail.
    @OptionalField(key: "escalation_user_id") public var escalationUserID: UUID?

    public init() {}

    public init(organisationID: UUID, name: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
        self.nameKey = PersianText.compacted(name)
        self.isDefault = false
        self.targets = []
        self.warningMinutes = 60
    }

    public func target(for priority: String) -> SLATarget? {
        targets.first { $0.priority == priority }
    }

    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        [
            "name": .string(name), "is_default": .from(isDefault), "warning_minutes": .from(warningMinutes),
            "escalation_queue_id": .from(escalationQueueID), "escalation_user_id": .from(escalationUserID),
            "targets": .array(targets.map { target in
                .object(["priority": .string(target.priority), "first_response_minutes": .from(target.firstResponseMinutes),
                         "resolution_minutes": .from(target.resolutionMinutes)])
            }),
        ]
    }
}

/// The targets of one priority, in working minutes.
public struct SLATarget: Codable, Sendable, Equatable {
    public var priority: String
    public var firstResponseMinutes: Int
    public var resolutionMinutes: Int

    enum CodingKeys: String, CodingKey {
        case priority
        case firstResponseMinutes = "first_response_minutes"
        case resolutionMinutes = "resolution_minutes"
    }

    public init(priority: String, firstResponseMinutes: Int, resolutionMinutes: Int) {
        self.priority = priority
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
    }
}
