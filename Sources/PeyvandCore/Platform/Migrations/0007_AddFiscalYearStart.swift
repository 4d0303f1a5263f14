import FluentKit
import SQLKit

extension PlatformModule {
    /// The Jalali month an organisation's fiscal year begins with; Iranian companies mostly close
    /// their books at the end of Esfand, so Farvardin (1) is the default.
    struct AddFiscalYearStart: AsyncMigration {
        var name: String { "platform.0007" }

        func prepare(on database: any Database) async throws {
            try await database.schema(Organisation.schema)
                .field("fiscal_year_start_month", .int, .required, .sql(.default(1)))
                .update()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(Organisation.schema).deleteField("fiscal_year_start_month").update()
        }
    }
}
