import FluentKit
import SQLKit

extension PlatformModule {
    /// Organisations, roles, users, teams and team memberships: who works in Peyvand.
    struct CreateOrganisationsAndPeople: AsyncMigration {
        var name: String { "platform.0001" }

        func prepare(on database: any Database) async throws {
            try await database.schema(Organisation.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("version", .int, .required)
                // data fields
                .field("name", .string, .required)
                .field("default_language", .string, .required)
                .field("time_zone", .string, .required)
                .field("currency", .string, .required)
                .field("money_unit", .string, .required)
                .create()

            try await database.schema(Role.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("version", .int, .required)
                .field("key", .string)
                .field("name", .string, .required)
                .field("permissions", .string, .required)
                // constraints
                .unique(on: "org_id", "name")
                .create()

            try await database.schema(User.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("version", .int, .required)
                .field("email", .string, .required)
                .field("name", .string, .required)
                .field("password_hash", .string, .required)
                .field("language", .string, .required)
                .field("time_zone", .string, .required)
                .field("is_active", .bool, .required)
                .field("role_id", .uuid, .required, .references(Role.schema, .id))
                // constraints
                .unique(on: "email")
                .create()

            try await database.schema(Team.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("version", .int, .required)
                .field("name", .string, .required)
                .unique(on: "org_id", "name")
                .create()

            try await database.schema(TeamMembership.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("team_id", .uuid, .required, .references(Team.schema, .id, onDelete: .cascade))
                .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
                .field("created_at", .datetime)
                .unique(on: "team_id", "user_id")
                .create()

            let sql = try database.sql()
            try await sql.create(index: "users_org_idx").on(User.schema).column("org_id").column("id").run()
            try await sql.create(index: "team_memberships_user_idx").on(TeamMembership.schema).column("user_id").run()
        }

        func revert(on database: any Database) async throws {
            for schema in [TeamMembership.schema, Team.schema, User.schema, Role.schema, Organisation.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}

extension Database {
    /// The SQLKit view of this database; both supported drivers provide one.
    public func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw DatabaseSetupError.notSQL
        }
        return sql
    }
}

public enum DatabaseSetupError: Error {
    case notSQL
}
