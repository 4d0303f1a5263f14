import FluentKit
import Foundation

/// Something done or to do with a customer: a task, call, meeting, email, note or SMS, usually
/// regarding one record (an account, contact, lead or opportunity).
public final class Activity: SalesRecord, @unchecked Sendable {
    public static let schema = "activities"
    public static let auditType = "activity"
    public static let permissionModule = PermissionModule.activities
    public static var organisationKey: KeyPath<Activity, FieldProperty<Activity, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<Activity, OptionalFieldProperty<Activity, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<Activity, OptionalFieldProperty<Activity, UUID>> { \.$ownerTeamID }

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case task, call, meeting, email, note, sms
    }

    public enum Status: String, Codable, CaseIterable, Sendable {
        case open, completed, cancelled
    }

    public enum Priority: String, Codable, CaseIterable, Sendable {
        case low, normal, high
    }

    public enum Direction: String, Codable, CaseIterable, Sendable {
        case inbound, outbound
    }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?
    @Field(key: "version") public var version: Int
    @OptionalField(key: "owner_user_id") public var ownerUserID: UUID?
    @OptionalField(key: "owner_team_id") public var ownerTeamID: UUID?

    // data fields
    @Field(key: "kind") public var kind: String
    @Field(key: "subject") public var subject: String
    @OptionalField(key: "body") public var body: String?
    @Field(key: "status") public var status: String
    @Field(key: "priority") public var priority: String
    @OptionalField(key: "direction") public var direction: String?
    @OptionalField(key: "due_at") public var dueAt: Date?
    @OptionalField(key: "start_at") public var startAt: Date?
    @OptionalField(key: "end_at") public var endAt: Date?
    @OptionalField(key: "remind_at") public var remindAt: Date?
    @OptionalField(key: "completed_at") public var completedAt: Date?
    @OptionalField(key: "regarding_type") public var regardingType: String?
    @OptionalField(key: "regarding_id") public var regardingID: UUID?
    @Field(key: "participants") public var participants: [ActivityParticipant]

    // derived fields
    /// When the activity sits on a timeline: its start, else its due time, else its creation.
    @Field(key: "timeline_at") public var timelineAt: Date
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, kind: Kind, subject: String, at now: Date) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.kind = kind.rawValue
        self.subject = subject
        self.status = Status.open.rawValue
        self.priority = Priority.normal.rawValue
        self.participants = []
        self.timelineAt = now
        self.searchText = ""
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "kind": .string(kind), "subject": .string(subject), "body": .from(body), "status": .string(status),
            "priority": .string(priority), "direction": .from(direction), "due_at": .from(dueAt), "start_at": .from(startAt),
            "end_at": .from(endAt), "remind_at": .from(remindAt), "regarding_type": .from(regardingType),
            "regarding_id": .from(regardingID), "participants": .array(participants.map { .string("\($0.type):\($0.id.uuidString)") }),
            "owner_user_id": .from(ownerUserID), "owner_team_id": .from(ownerTeamID),
        ]
    }
}

/// A user or contact taking part in an activity (a meeting's attendees, a call's other party).
public struct ActivityParticipant: Codable, Sendable, Equatable {
    public enum ParticipantType: String, Codable, CaseIterable, Sendable {
        case user, contact
    }

    public var type: String
    public var id: UUID

    public init(type: ParticipantType, id: UUID) {
        self.type = type.rawValue
        self.id = id
    }
}
