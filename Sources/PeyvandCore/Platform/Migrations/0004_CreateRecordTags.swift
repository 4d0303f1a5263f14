import FluentKit
import SQLKit

extension PlatformModule {
    /// The tag lookup shared by every module's records.
    struct CreateRecordTags: AsyncMigration {
        var name: String { "platform.0004" }

        func prepare(on database: any Database) async throws {
            try await database.schema(RecordTag.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("record_type", .string, .required)
                .field("record_id", .uuid, .required)
                .field("tag", .string, .required)
                // constraints
                .unique(on: "org_id", "record_type", "tag", "record_id")
                .create()
            try await database.sql().raw("CREATE INDEX record_tags_record ON record_tags (record_id)").run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(RecordTag.schema).delete()
        }
    }
}
