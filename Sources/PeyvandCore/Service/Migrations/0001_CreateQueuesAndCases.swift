import FluentKit
import SQLKit

extension ServiceModule {
    /// Queues, cases (numbered per organisation and Jalali year in `document_sequences`, kind
    /// `case`), their comments and their symmetric links.
    struct CreateQueuesAndCases: AsyncMigration {
        var name: String { "service.0001" }

        func prepare(on database: any Database) async throws {
            try await database.schema(ServiceQueue.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("deleted_at", .datetime)
                .field("version", .int, .required)
                // data fields
                .field("name", .string, .required)
                .field("name_key", .string, .required)
                .field("position", .int, .required)
                .field("assignment_mode", .string, .required)
                .field("member_ids", .array(of: .uuid), .required)
                .field("rules", .array(of: .json), .required)
                .field("round_robin_counter", .int, .required)
                .create()

            try await database.schema(SupportCase.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("deleted_at", .datetime)
                .field("version", .int, .required)
                .field("owner_user_id", .uuid, .references(User.schema, .id))
                .field("owner_team_id", .uuid, .references(Team.schema, .id))
                .field("queue_id", .uuid, .references(ServiceQueue.schema, .id))
                // data fields
                .field("number", .string, .required)
                .field("title", .string, .required)
                .field("description", .string)
                .field("type", .string, .required)
                .field("channel", .string, .required)
                .field("priority", .string, .required)
                .field("status", .string, .required)
                .field("account_id", .uuid, .references(Account.schema, .id))
                .field("contact_id", .uuid, .references(Contact.schema, .id))
                .field("product_id", .uuid, .references(Product.schema, .id))
                .field("product_model", .string)
                .field("serial_number", .string)
                .field("category", .string)
                .field("language", .string)
                .field("resolution", .string)
                .field("sla_policy_id", .uuid)
                .field("contract_id", .uuid)
                // lifecycle timestamps
                .field("first_response_at", .datetime)
                .field("resolved_at", .datetime)
                .field("closed_at", .datetime)
                // derived fields
                .field("search_text", .string, .required)
                // constraints
                .unique(on: "org_id", "number")
                .create()

            try await database.schema(CaseComment.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("case_id", .uuid, .required, .references(SupportCase.schema, .id))
                .field("author_user_id", .uuid, .references(User.schema, .id))
                .field("visibility", .string, .required)
                .field("body", .string, .required)
                .field("created_at", .datetime, .required)
                .create()

            try await database.schema(CaseLink.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("case_id", .uuid, .required, .references(SupportCase.schema, .id))
                .field("related_case_id", .uuid, .required, .references(SupportCase.schema, .id))
                .field("created_at", .datetime, .required)
                .unique(on: "case_id", "related_case_id")
                .create()

            let sql = try database.sql()
            for statement: SQLQueryString in [
                "CREATE INDEX cases_live_org_created ON cases (org_id, id) WHERE deleted_at IS NULL",
                "CREATE INDEX cases_live_org_status ON cases (org_id, status, id) WHERE deleted_at IS NULL",
                "CREATE INDEX cases_live_org_owner_status ON cases (org_id, owner_user_id, status) WHERE deleted_at IS NULL",
                "CREATE INDEX cases_live_org_queue ON cases (org_id, queue_id, id) WHERE deleted_at IS NULL",
                "CREATE INDEX cases_account ON cases (account_id)",
                "CREATE INDEX cases_contact ON cases (contact_id)",
                "CREATE INDEX case_comments_case ON case_comments (case_id, created_at, id)",
                "CREATE INDEX queues_live_org_position ON queues (org_id, position, id) WHERE deleted_at IS NULL",
            ] {
                try await sql.raw(statement).run()
            }
            try await SearchIndex.install(on: SupportCase.schema, database: database)
        }

        func revert(on database: any Database) async throws {
            try await SearchIndex.uninstall(from: SupportCase.schema, database: database)
            for schema in [CaseLink.schema, CaseComment.schema, SupportCase.schema, ServiceQueue.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}
