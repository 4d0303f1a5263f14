import FluentKit
import Foundation
import Logging

/// Deletes uploads nobody went on to import: a file staged on the import page but never given
/// its column mapping is kept for a day (time to come back to it), then removed with its content.
public enum StagedImportPurge {
    public static let keptFor: TimeInterval = 24 * 3600

    /// Removes every staged import older than `keptFor` as of `now`; returns how many.
    @discardableResult
    public static func sweep(at now: Date, store: Store) async throws -> Int {
        try await store.write { database in
            let abandoned = DataImport.query(on: database)
                .filter(\.$status == DataImport.Status.staged.rawValue)
                .filter(\.$createdAt < now.addingTimeInterval(-keptFor))
            let count = try await abandoned.count()
            if count > 0 { try await abandoned.delete() }
            return count
        }
    }
}

/// Runs the purge hourly, on whichever server's worker claims the hour's job.
public struct StagedImportPurgeJob: JobHandler {
    public static let kind = "sales.staged-import-purge"
    public static let schedule = PeriodicJob(kind: kind, every: 3600)

    public init() {}

    public func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
        let purged = try await StagedImportPurge.sweep(at: store.now(), store: store)
        if purged > 0 { logger.info("abandoned staged imports removed", metadata: ["count": "\(purged)"]) }
    }
}
