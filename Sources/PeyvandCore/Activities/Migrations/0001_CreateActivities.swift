import FluentKit
import SQLKit

extension ActivitiesModule {
    /// Activities, indexed for a record's timeline, an owner's open work and due reminders.
    struct CreateActivities: AsyncMigration {
        var name: String { "activities.0001" }

        func prepare(on database: any Database) async throws {
            try await database.schema(Activity.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("deleted_at", .datetime)
                .field("version", .int, .required)
                .field("owner_user_id", .uuid, .references(User.schema, .id))
                .field("owner_team_id", .uuid, .references(Team.schema, .id))
                // data fields
                .field("kind", .string, .required)
                .field("subject", .string, .required)
                .field("body", .string)
                .field("status", .string, .required)
                .field("priority", .string, .required)
                .field("direction", .string)
                .field("due_at", .datetime)
                .field("start_at", .datetime)
                .field("end_at", .datetime)
                .field("remind_at", .datetime)
                .field("completed_at", .datetime)
                .field("regarding_type", .string)
                .field("regarding_id", .uuid)
                .field("participants", .array(of: .json), .required)
                // derived fields
                .field("timeline_at", .datetime, .required)
                .field("search_text", .string, .required)
                .create()
            let sql = try database.sql()
            for statement: SQLQueryString in [
                "CREATE INDEX activities_regarding ON activities (regarding_id, timeline_at)",
                "CREATE INDEX activities_org_owner_status ON activities (org_id, owner_user_id, status)",
                "CREATE INDEX activities_org_remind ON activities (org_id, remind_at)",
                "CREATE INDEX activities_org_due ON activities (org_id, due_at)",
            ] {
                try await sql.raw(statement).run()
            }
            try await SearchIndex.install(on: Activity.schema, database: database)
        }

        func revert(on database: any Database) async throws {
            try await SearchIndex.uninstall(from: Activity.schema, database: database)
            try await database.schema(Activity.schema).delete()
        }
    }
}
