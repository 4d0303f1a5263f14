import FluentKit
import Foundation
import SQLKit

/// Optimistic concurrency: bumps a row's `version` only if it still has the one the writer read.
/// The UPDATE takes the row lock, so two writers of the same row are serialised and the second
/// sees the new version (no lost updates).
public enum VersionGuard {
    /// Returns the new version. Throws `notFound` when the row is not in the organisation and
    /// `staleVersion` when `expected` is given and no longer current.
    public static func bump(
        _ table: String, id: UUID, organisationID: UUID, expected: Int?, recordType: String, on database: any Database
    ) async throws -> Int {
        let sql = try database.sql()
        let versionCheck: SQLQueryString = expected.map { " AND version = \(bind: $0)" } ?? ""
        let row = try await sql.raw("""
            UPDATE \(ident: table) SET version = version + 1
            WHERE id = \(bind: id) AND org_id = \(bind: organisationID)\(versionCheck)
            RETURNING version
            """).first()
        if let row { return try row.decode(column: "version", as: Int.self) }
        let current = try await sql.select().column("version").from(table)
            .where("id", .equal, SQLBind(id)).where("org_id", .equal, SQLBind(organisationID))
            .first()
        guard let current else { throw PlatformError.notFound(recordType: recordType) }
        throw PlatformError.staleVersion(expected: expected ?? 0, current: try current.decode(column: "version", as: Int.self))
    }
}
