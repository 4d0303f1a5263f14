import FluentKit
import Foundation
import Logging
import SQLKit

/// Expires quotes whose offer has lapsed: a draft or sent quote is valid through its `valid_until`
/// day in its organisation's time zone and expires once that day is over, as if someone had
/// expired it by hand (`QuoteService.transition(to: .expired)`), but with no acting user.
public enum QuoteExpiry {
    /// Expires every lapsed quote of every organisation as of `now`; returns how many. Each quote
    /// changes in its own short transaction, only if it is still the version read (a quote sent,
    /// accepted or edited meanwhile waits for the next sweep), so sweeps may overlap safely.
    @discardableResult
    public static func sweep(at now: Date, store: Store) async throws -> Int {
        var expired = 0
        for organisation in try await Organisation.query(on: store.database).all() {
            let today = day(of: now, in: TimeZone(identifier: organisation.timeZone) ?? JalaliDate.tehranTimeZone)
            let lapsed = try await Quote.query(on: store.database)
                .filter(\.$organisationID == organisation.id!)
                .filter(\.$status ~~ [Quote.Status.draft.rawValue, Quote.Status.sent.rawValue])
                .filter(\.$validUntil != nil).filter(\.$validUntil < today)
                .sort(\.$id).all()
            for quote in lapsed where try await expire(quote, at: now, store: store) { expired += 1 }
        }
        return expired
    }

    /// The calendar day (stored form, `YYYY-MM-DD`) that `moment` falls on in `timeZone`.
    static func day(of moment: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    private static func expire(_ quote: Quote, at now: Date, store: Store) async throws -> Bool {
        try await store.write { database in
            let before = quote.auditSnapshot
            let changed = try await database.sql().raw("""
                UPDATE quotes SET status = \(bind: Quote.Status.expired.rawValue), decided_at = \(bind: now), updated_at = \(bind: now),
                    version = version + 1
                WHERE id = \(bind: quote.id!) AND version = \(bind: quote.version) AND deleted_at IS NULL
                    AND status IN (\(bind: Quote.Status.draft.rawValue), \(bind: Quote.Status.sent.rawValue))
                RETURNING id
                """).all()
            guard !changed.isEmpty else { return false }
            quote.status = Quote.Status.expired.rawValue
            quote.decidedAt = now
            quote.updatedAt = now
            quote.version += 1
            try await SalesRecords.recordChange(quote, action: .update, before: before, organisationID: quote.organisationID,
                                                actorUserID: nil, requestID: nil, at: now, on: database)
            return true
        }
    }
}

/// Runs the quote expiry sweep once per hour (whichever server's worker claims the hour's job), so
/// a quote expires within an hour of its last valid day ending.
public struct QuoteExpiryJob: JobHandler {
    public static let kind = "sales.quote-expiry"
    public static let schedule = PeriodicJob(kind: kind, every: 3600)

    public init() {}

    public func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
        let expired = try await QuoteExpiry.sweep(at: store.now(), store: store)
        if expired > 0 { logger.info("quotes expired", metadata: ["count": "\(expired)"]) }
    }
}
