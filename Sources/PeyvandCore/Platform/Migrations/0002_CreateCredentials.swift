import FluentKit
import SQLKit

extension PlatformModule {
    /// API tokens, web sessions and the login throttle that guards both.
    struct CreateCredentials: AsyncMigration {
        var name: String { "platform.0002" }

        func prepare(on database: any Database) async throws {
            try await database.schema(APIToken.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
                .field("token_hash", .string, .required)
                .field("name", .string, .required)
                .field("created_at", .datetime)
                .field("expires_at", .datetime, .required)
                .field("revoked_at", .datetime)
                .field("last_used_at", .datetime)
                .unique(on: "token_hash")
                .create()

            try await database.schema(WebSession.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
                .field("token_hash", .string, .required)
                .field("csrf_token", .string, .required)
                .field("created_at", .datetime)
                .field("expires_at", .datetime, .required)
                .field("revoked_at", .datetime)
                .unique(on: "token_hash")
                .create()

            // One row per throttled key (`account:<email>` or `address:<ip>`), shared by every
            // server instance through the database.
            try await database.schema(LoginThrottle.table)
                .field("key", .string, .identifier(auto: false))
                .field("failures", .int, .required)
                .field("window_started_at", .datetime, .required)
                .field("blocked_until", .datetime)
                .create()
        }

        func revert(on database: any Database) async throws {
            for schema in [LoginThrottle.table, WebSession.schema, APIToken.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}
