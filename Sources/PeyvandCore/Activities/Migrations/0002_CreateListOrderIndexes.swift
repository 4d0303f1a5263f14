import FluentKit
import SQLKit

extension ActivitiesModule {
    /// Indexes in the order the activity lists read (`RecordList`: live rows of one organisation
    /// by the sort key, ties by id), as `sales.0004` has for the sales lists:
    /// - `/activities`, newest first by `timeline_at` (read and sorted the organisation's every
    ///   activity before);
    /// - one owner's open work by `timeline_at`: the home page's "my open tasks" and "today's
    ///   meetings", which found the owner's open activities by `activities_org_owner_status` and
    ///   then sorted all of them on every home page view.
    struct CreateListOrderIndexes: AsyncMigration {
        var name: String { "activities.0002" }

        static let indexes: [(name: String, table: String, columns: String)] = [
            ("activities_live_org_timeline", "activities", "org_id, timeline_at, id"),
            ("activities_live_org_owner_status_timeline", "activities", "org_id, owner_user_id, status, timeline_at, id"),
        ]

        func prepare(on database: any Database) async throws {
            let sql = try database.sql()
            for index in Self.indexes {
                try await sql.raw("""
                    CREATE INDEX \(ident: index.name) ON \(ident: index.table) (\(unsafeRaw: index.columns)) WHERE deleted_at IS NULL
                    """).run()
            }
        }

        func revert(on database: any Database) async throws {
            let sql = try database.sql()
            for index in Self.indexes.reversed() {
                try await sql.raw("DROP INDEX \(ident: index.name)").run()
            }
        }
    }
}
