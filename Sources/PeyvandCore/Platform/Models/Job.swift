import FluentKit
import Foundation

/// Background work: queued → running → succeeded, or back to queued with a later `run_at` after
/// a failure, until `max_attempts` is spent and it lands in `dead` for a person to look at.
public final class Job: Model, @unchecked Sendable {
    public static let schema = "jobs"

    public enum Status: String, Codable, Sendable, CaseIterable {
        case queued, running, succeeded, dead
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @OptionalField(key: "org_id") public var organisationID: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "payload") public var payload: String
    /// Makes enqueueing idempotent: one job per (kind, dedupe key).
    @OptionalField(key: "dedupe_key") public var dedupeKey: String?
    /// A `Status` raw value; kept as plain text so both databases store it alike.
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @Field(key: "run_at") public var runAt: Date
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "locked_at") public var lockedAt: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public init(organisationID: UUID?, kind: String, payload: String, dedupeKey: String?, maxAttempts: Int, runAt: Date, createdAt: Date) {
        self.id = UUIDv7.make(at: createdAt)
        self.organisationID = organisationID
        self.kind = kind
        self.payload = payload
        self.dedupeKey = dedupeKey
        self.status = Status.queued.rawValue
        self.attempts = 0
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.createdAt = createdAt
    }
}
