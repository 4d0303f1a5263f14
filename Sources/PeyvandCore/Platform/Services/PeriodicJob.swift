import Foundation

/// A job that runs once per period (the quote expiry sweep runs hourly). Every worker offers the
/// current period's run to the queue under a dedupe key naming the period, so however many servers
/// offer it the queue holds one row per period, and the queue's claiming lets one worker run it.
public struct PeriodicJob: Sendable {
    public let kind: String
    public let interval: TimeInterval

    public init(kind: String, every interval: TimeInterval) {
        self.kind = kind
        self.interval = interval
    }

    /// What the handler receives: which period it runs for.
    public struct Payload: Codable, Sendable {
        public var period: Int64
    }

    /// The period `now` falls in, counted in intervals from the Unix epoch.
    public func period(at now: Date) -> Int64 {
        Int64((now.timeIntervalSince1970 / interval).rounded(.down))
    }

    /// Queues the run of `now`'s period unless some worker already did, due at the period's start.
    /// A few attempts are enough: the next period's run comes anyway.
    public func offer(at now: Date, store: Store) async throws {
        let period = period(at: now)
        try await store.write { database in
            _ = try await JobQueue.enqueue(kind: kind, payload: Payload(period: period), organisationID: nil, dedupeKey: "period-\(period)",
                                       maxAttempts: 3, runAt: Date(timeIntervalSince1970: Double(period) * interval), at: now,
                                       on: database)
        }
    }
}
