import FluentKit
import Foundation
import SQLKit

/// Appends events in the writer's transaction, and hands them on to the job queue afterwards.
public enum Outbox {
    public static func append(
        _ eventType: String, recordType: String, recordID: UUID, payload: some Encodable,
        organisationID: UUID, at time: Date, on database: any Database
    ) async throws {
        let event = OutboxEvent(
            organisationID: organisationID, eventType: eventType, recordType: recordType, recordID: recordID,
            payload: try JSONValue.encodeToString(payload), createdAt: time
        )
        try await event.create(on: database)
    }

    /// Which job kinds want which events. Modules register their subscriptions at start-up
    /// (webhook delivery, e-mail, automation, search indexing).
    public struct Subscriptions: Sendable {
        private var jobKindsByEventPrefix: [(prefix: String, jobKind: String)] = []

        public init() {}

        public mutating func add(eventPrefix: String, jobKind: String) {
            jobKindsByEventPrefix.append((eventPrefix, jobKind))
        }

        func jobKinds(for eventType: String) -> [String] {
            jobKindsByEventPrefix.filter { eventType.hasPrefix($0.prefix) }.map(\.jobKind)
        }
    }

    /// Moves up to `limit` undispatched events into jobs, in one transaction. Each job is keyed
    /// by (kind, event id), so a relay that crashes and runs again enqueues nothing twice.
    /// Returns the number of events dispatched.
    @discardableResult
    public static func relay(_ subscriptions: Subscriptions, limit: Int = 100, store: Store) async throws -> Int {
        let now = store.now()
        let lockClause = store.dialect == .postgresql ? " FOR UPDATE SKIP LOCKED" : ""
        return try await store.write { database in
            let sql = try database.sql()
            let rows = try await sql.raw("""
                SELECT id, org_id, event_type, record_type, record_id, payload FROM outbox_events
                WHERE dispatched_at IS NULL ORDER BY id LIMIT \(bind: limit)\(unsafeRaw: lockClause)
                """).all()
            for row in rows {
                let eventID = try row.decode(column: "id", as: UUID.self)
                let eventType = try row.decode(column: "event_type", as: String.self)
                let organisationID = try row.decode(column: "org_id", as: UUID.self)
                let payload = OutboxDelivery(
                    eventID: eventID, eventType: eventType,
                    recordType: try row.decode(column: "record_type", as: String.self),
                    recordID: try row.decode(column: "record_id", as: UUID.self),
                    payload: try row.decode(column: "payload", as: String.self)
                )
                for kind in subscriptions.jobKinds(for: eventType) {
                    try await JobQueue.enqueue(kind: kind, payload: payload, organisationID: organisationID,
                                               dedupeKey: eventID.uuidString, at: now, on: database)
                }
                try await sql.update(OutboxEvent.schema)
                    .set("dispatched_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(eventID))
                    .run()
            }
            return rows.count
        }
    }
}

/// What a subscriber's job receives for one outbox event.
public struct OutboxDelivery: Codable, Sendable, Equatable {
    public var eventID: UUID
    public var eventType: String
    public var recordType: String
    public var recordID: UUID
    public var payload: String
}
