import FluentKit

extension PlatformModule {
    /// CSV imports and their reports.
    struct CreateImports: AsyncMigration {
        var name: String { "platform.0005" }

        func prepare(on database: any Database) async throws {
            try await database.schema(DataImport.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("user_id", .uuid, .required, .references(User.schema, .id))
                .field("resource", .string, .required)
                .field("status", .string, .required)
                .field("duplicate_policy", .string, .required)
                .field("mapping", .string, .required)
                .field("content", .string)
                .field("file_name", .string, .required)
                .field("total_rows", .int, .required)
                .field("processed_rows", .int, .required)
                .field("created_count", .int, .required)
                .field("updated_count", .int, .required)
                .field("skipped_count", .int, .required)
                .field("failed_count", .int, .required)
                .field("report", .string, .required)
                .field("job_id", .uuid)
                .field("created_at", .datetime, .required)
                .field("finished_at", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(DataImport.schema).delete()
        }
    }
}
