import FluentKit
import Foundation
import SQLKit

/// A job a worker has claimed and must finish with `complete` or `fail`.
public struct ClaimedJob: Sendable, Equatable {
    public let id: UUID
    public let organisationID: UUID?
    public let kind: String
    public let payload: String
    /// Including this one.
    public let attempt: Int
    public let maxAttempts: Int

    public func decodePayload<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(payload.utf8))
    }
}

/// The jobs table: enqueue, claim (`FOR UPDATE SKIP LOCKED` on PostgreSQL so many workers on
/// many servers never take the same job), complete, fail with exponential backoff, dead-letter.
public enum JobQueue {
    /// How long a claimed job may run before another worker may assume its worker died.
    public static let visibilityTimeout: TimeInterval = 300

    /// Enqueues a job unless one of the same kind and `dedupeKey` exists already; returns the
    /// id the new job has (the existing job keeps its own id when deduplicated).
    @discardableResult
    public static func enqueue(
        kind: String, payload: some Encodable, organisationID: UUID?, dedupeKey: String? = nil,
        maxAttempts: Int = 8, runAt: Date? = nil, at now: Date, on database: any Database
    ) async throws -> UUID {
        let job = Job(organisationID: organisationID, kind: kind, payload: try JSONValue.encodeToString(payload),
                      dedupeKey: dedupeKey, maxAttempts: maxAttempts, runAt: runAt ?? now, createdAt: now)
        try await database.sql().insert(into: Job.schema)
            .columns("id", "org_id", "kind", "payload", "dedupe_key", "status", "attempts", "max_attempts", "run_at", "created_at")
            .values(SQLBind(job.id!), SQLBind(job.organisationID), SQLBind(job.kind), SQLBind(job.payload),
                    SQLBind(job.dedupeKey), SQLBind(job.status), SQLBind(0), SQLBind(maxAttempts),
                    SQLBind(job.runAt), SQLBind(now))
            .ignoringConflicts(with: ["kind", "dedupe_key"])
            .run()
        return job.id!
    }

    /// Claims up to `limit` due jobs for `workerID`.
    public static func claim(limit: Int, workerID: String, store: Store) async throws -> [ClaimedJob] {
        let now = store.now()
        let lockClause = store.dialect == .postgresql ? " FOR UPDATE SKIP LOCKED" : ""
        return try await store.write { database in
            let rows = try await database.sql().raw("""
                UPDATE jobs SET status = 'running', locked_by = \(bind: workerID), locked_at = \(bind: now),
                    attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM jobs WHERE status = 'queued' AND run_at <= \(bind: now)
                    ORDER BY run_at, id LIMIT \(bind: limit)\(unsafeRaw: lockClause))
                RETURNING id, org_id, kind, payload, attempts, max_attempts
                """).all()
            return try rows.map { row in
                ClaimedJob(
                    id: try row.decode(column: "id", as: UUID.self),
                    organisationID: try row.decode(column: "org_id", as: UUID?.self),
                    kind: try row.decode(column: "kind", as: String.self),
                    payload: try row.decode(column: "payload", as: String.self),
                    attempt: try row.decode(column: "attempts", as: Int.self),
                    maxAttempts: try row.decode(column: "max_attempts", as: Int.self)
                )
            }.sorted { $0.id.uuidString < $1.id.uuidString }
        }
    }

    public static func complete(_ job: ClaimedJob, store: Store) async throws {
        let now = store.now()
        try await store.write { database in
            try await database.sql().update(Job.schema)
                .set("status", to: SQLBind(Job.Status.succeeded.rawValue))
                .set("finished_at", to: SQLBind(now))
                .set("locked_by", to: SQLLiteral.null)
                .where("id", .equal, SQLBind(job.id))
                .run()
        }
    }

    /// Schedules a retry after a backoff, or moves the job to `dead` when its attempts are spent.
    public static func fail(_ job: ClaimedJob, error: String, store: Store) async throws {
        let now = store.now()
        let isDead = job.attempt >= job.maxAttempts
        try await store.write { database in
            let update = try database.sql().update(Job.schema)
                .set("status", to: SQLBind((isDead ? Job.Status.dead : .queued).rawValue))
                .set("last_error", to: SQLBind(String(error.prefix(2000))))
                .set("locked_by", to: SQLLiteral.null)
                .where("id", .equal, SQLBind(job.id))
            if isDead {
                update.set("finished_at", to: SQLBind(now))
            } else {
                update.set("run_at", to: SQLBind(now.addingTimeInterval(backoff(afterAttempt: job.attempt))))
            }
            try await update.run()
        }
    }

    /// 5 s, 10 s, 20 s … capped at one hour.
    public static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(5 * pow(2, Double(max(0, attempt - 1))), 3600)
    }

    /// Returns jobs whose worker vanished (claimed longer ago than the visibility timeout) to the
    /// queue, or to `dead` if they have no attempts left. Returns how many were recovered.
    @discardableResult
    public static func recoverAbandoned(store: Store) async throws -> Int {
        let cutoff = store.now().addingTimeInterval(-visibilityTimeout)
        return try await store.write { database in
            let rows = try await database.sql().raw("""
                UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
                    locked_by = NULL, last_error = 'abandoned by its worker'
                WHERE status = 'running' AND locked_at < \(bind: cutoff)
                RETURNING id
                """).all()
            return rows.count
        }
    }

    /// Jobs by status, for `/metrics` and the admin screens.
    public static func depth(store: Store) async throws -> [Job.Status: Int] {
        let rows = try await store.sql().raw("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status").all()
        var depth = Dictionary(uniqueKeysWithValues: Job.Status.allCases.map { ($0, 0) })
        for row in rows {
            if let status = Job.Status(rawValue: try row.decode(column: "status", as: String.self)) {
                depth[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return depth
    }
}
