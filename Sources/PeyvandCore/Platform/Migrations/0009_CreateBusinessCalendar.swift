import FluentKit
import SQLKit

extension PlatformModule {
    /// The working week and the holidays service-level clocks count in. An organisation without
    /// working-hours rows works the usual Iranian office week (`WorkingWeek.iranianOffice`).
    struct CreateBusinessCalendar: AsyncMigration {
        var name: String { "platform.0009" }

        func prepare(on database: any Database) async throws {
            try await database.schema(WorkingHours.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("day", .string, .required)
                .field("start_minute", .int, .required)
                .field("end_minute", .int, .required)
                .create()
            try await database.sql().raw("CREATE INDEX working_hours_org ON working_hours (org_id)").run()
            try await database.schema(Holiday.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("day", .string, .required)
                .field("name", .string, .required)
                .field("created_at", .datetime, .required)
                .unique(on: "org_id", "day")
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(Holiday.schema).delete()
            try await database.schema(WorkingHours.schema).delete()
        }
    }
}
