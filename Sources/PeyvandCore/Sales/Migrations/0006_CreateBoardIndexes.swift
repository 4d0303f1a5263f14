import FluentKit
import SQLKit

extension SalesModule {
    /// Indexes for the pipeline board (`/opportunities/board`) and the home page's pipeline, which
    /// read every stage of a pipeline on each view:
    /// - a column's newest cards: live opportunities of one stage by `updated_at` (ties by id),
    ///   which `opportunities_org_stage (org_id, stage_id)` could only find and then sort: every
    ///   opportunity of the stage, six times per board (~17,000 per stage at 100,000 opportunities);
    /// - the stage totals (count and amount per stage and currency of a pipeline), answered from
    ///   the index alone, already grouped, instead of reading every opportunity row; and the same
    ///   for one owner (the home page's "my pipeline"). Without the owner's own index SQLite took
    ///   the pipeline's index for it and looked up all 100,000 rows to check their owner: 0.3–1.1 s
    ///   per home page at a million contacts (Benchmarks/README.md, "Web pages").
    /// Partial (`deleted_at IS NULL`), as the board's queries are; `deleted_at` is also the last
    /// column so that SQLite, which counts the partial index's condition as a use of the column,
    /// reads the totals from the index alone ("USING COVERING INDEX").
    struct CreateBoardIndexes: AsyncMigration {
        var name: String { "sales.0006" }

        static let indexes: [(name: String, table: String, columns: String)] = [
            ("opportunities_live_org_stage_updated", "opportunities", "org_id, stage_id, updated_at, id"),
            ("opportunities_live_org_pipeline_totals", "opportunities", "org_id, pipeline_id, stage_id, currency, amount_minor, deleted_at"),
            ("opportunities_live_org_owner_pipeline_totals", "opportunities",
             "org_id, owner_user_id, pipeline_id, stage_id, currency, amount_minor, deleted_at"),
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
