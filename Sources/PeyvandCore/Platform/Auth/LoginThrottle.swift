import FluentKit
import Foundation
import SQLKit

/// Counts failed sign-ins per account and per client address in the database, so the limit holds
/// across every server instance, and blocks a key for a while once it has failed too often.
public struct LoginThrottle: Sendable {
    public static let table = "login_throttles"

    public struct Policy: Sendable {
        public var maxFailures: Int
        public var window: TimeInterval
        public var lockout: TimeInterval

        public init(maxFailures: Int, window: TimeInterval, lockout: TimeInterval) {
            self.maxFailures = maxFailures
            self.window = window
            self.lockout = lockout
        }
    }

    public var perAccount = Policy(maxFailures: 5, window: 900, lockout: 900)
    /// Looser: an office behind one address has many honest users.
    public var perAddress = Policy(maxFailures: 30, window: 900, lockout: 900)

    public init() {}

    static func accountKey(_ email: String) -> String { "account:\(email)" }
    static func addressKey(_ address: String) -> String { "address:\(address)" }

    /// Seconds until sign-in is allowed again, or nil when it is allowed now.
    public func retryAfter(email: String, address: String?, store: Store) async throws -> Int? {
        var keys = [Self.accountKey(email)]
        if let address { keys.append(Self.addressKey(address)) }
        let now = store.now()
        let rows = try await store.sql().select().column("blocked_until").from(Self.table)
            .where("key", .in, SQLBind.group(keys))
            .all()
        let latest = try rows.compactMap { try $0.decode(column: "blocked_until", as: Date?.self) }.max()
        guard let latest, latest > now else { return nil }
        return Int(latest.timeIntervalSince(now).rounded(.up))
    }

    public func recordFailure(email: String, address: String?, on database: any Database, at now: Date) async throws {
        try await bump(Self.accountKey(email), policy: perAccount, on: database, at: now)
        if let address { try await bump(Self.addressKey(address), policy: perAddress, on: database, at: now) }
    }

    /// A successful sign-in forgives the account's failures (not the address's: one valid account
    /// must not reset the count for guessing at others).
    public func recordSuccess(email: String, on database: any Database) async throws {
        try await database.sql().delete(from: Self.table).where("key", .equal, SQLBind(Self.accountKey(email))).run()
    }

    private func bump(_ key: String, policy: Policy, on database: any Database, at now: Date) async throws {
        let sql = try database.sql()
        let windowStart = now.addingTimeInterval(-policy.window)
        let row = try await sql.raw("""
            INSERT INTO login_throttles (key, failures, window_started_at) VALUES (\(bind: key), 1, \(bind: now))
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN login_throttles.window_started_at < \(bind: windowStart) THEN 1
                                ELSE login_throttles.failures + 1 END,
                window_started_at = CASE WHEN login_throttles.window_started_at < \(bind: windowStart) THEN \(bind: now)
                                         ELSE login_throttles.window_started_at END
            RETURNING failures
            """).first()
        let failures = try row?.decode(column: "failures", as: Int.self) ?? 1
        if failures >= policy.maxFailures {
            try await sql.update(Self.table)
                .set("blocked_until", to: SQLBind(now.addingTimeInterval(policy.lockout)))
                .set("failures", to: SQLBind(0))
                .set("window_started_at", to: SQLBind(now))
                .where("key", .equal, SQLBind(key))
                .run()
        }
    }
}
