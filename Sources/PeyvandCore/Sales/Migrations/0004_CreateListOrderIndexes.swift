import FluentKit
import SQLKit

extension SalesModule {
    /// Indexes in the exact order the sales lists read (`RecordList`): live rows of one
    /// organisation, by the sort key, ties broken by id. Without them a list page at a million
    /// contacts read and sorted every row of the organisation (SQLite `SCAN r` + `USE TEMP B-TREE
    /// FOR ORDER BY`, PostgreSQL `Seq Scan` + `Sort`; see Benchmarks/README.md):
    /// - the default order, newest first (`created_at` sorts by the UUIDv7 id), of accounts,
    ///   contacts, leads and opportunities;
    /// - contacts by last name, alone and within a province (the list's sort key is
    ///   `COALESCE(last_name, '')`, so the index holds that expression, not the bare column).
    /// Partial (`deleted_at IS NULL`), like every list query, so soft-deleted rows cost nothing.
    struct CreateListOrderIndexes: AsyncMigration {
        var name: String { "sales.0004" }

        static let indexes: [(name: String, table: String, columns: String)] = [
            ("accounts_live_org_id", "accounts", "org_id, id"),
            ("contacts_live_org_id", "contacts", "org_id, id"),
            ("leads_live_org_id", "leads", "org_id, id"),
            ("opportunities_live_org_id", "opportunities", "org_id, id"),
            ("contacts_live_org_last_name", "contacts", "org_id, COALESCE(last_name, ''), id"),
            ("contacts_live_org_province_last_name", "contacts", "org_id, address_province, COALESCE(last_name, ''), id"),
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
