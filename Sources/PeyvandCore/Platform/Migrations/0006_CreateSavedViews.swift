import FluentKit
import SQLKit

extension PlatformModule {
    /// Each user's saved list views: a name and the list's query (search, filters, sort).
    struct CreateSavedViews: AsyncMigration {
        var name: String { "platform.0006" }

        func prepare(on database: any Database) async throws {
            try await database.schema(SavedView.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("user_id", .uuid, .required, .references(User.schema, .id))
                .field("resource", .string, .required)
                .field("name", .string, .required)
                .field("query", .string, .required)
                .field("created_at", .datetime, .required)
                .unique(on: "user_id", "resource", "name")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(SavedView.schema).delete()
        }
    }
}
