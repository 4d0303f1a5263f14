import FluentKit
import SQLKit

extension ServiceModule {
    /// Similar cases read the latest live cases of one product or one category: each lookup walks
    /// its own index backwards from the newest id and stops at its limit, however many cases share
    /// the product or category (the index of `service.0003` on the category alone made the database
    /// sort every case of a big category).
    struct IndexCasesForSimilarity: AsyncMigration {
        var name: String { "service.0004" }

        func prepare(on database: any Database) async throws {
            let sql = try database.sql()
            for statement: SQLQueryString in [
                "DROP INDEX cases_live_org_category",
                "CREATE INDEX cases_live_org_category_id ON cases (org_id, category_key, id) WHERE deleted_at IS NULL",
                "CREATE INDEX cases_live_org_product_id ON cases (org_id, product_id, id) WHERE deleted_at IS NULL",
            ] {
                try await sql.raw(statement).run()
            }
        }

        func revert(on database: any Database) async throws {
            let sql = try database.sql()
            for statement: SQLQueryString in [
                "DROP INDEX cases_live_org_product_id",
                "DROP INDEX cases_live_org_category_id",
                "CREATE INDEX cases_live_org_category ON cases (org_id, category_key) WHERE deleted_at IS NULL",
            ] {
                try await sql.raw(statement).run()
            }
        }
    }
}
