import FluentKit
import SQLKit

extension SalesModule {
    /// Accounts, contacts and leads, the phone/email keys they are matched by, and their search indexes.
    struct CreateAccountsContactsLeads: AsyncMigration {
        var name: String { "sales.0001" }

        func prepare(on database: any Database) async throws {
            try await ownedRecord(Account.schema, on: database)
                .field("name", .string, .required)
                .field("kind", .string, .required)
                .field("industry", .string)
                .field("website", .string)
                .field("national_id", .string)
                .field("economic_code", .string)
                .field("parent_id", .uuid, .references(Account.schema, .id))
                .field("became_customer_at", .datetime)
                .create()

            try await ownedRecord(Contact.schema, on: database)
                .field("first_name", .string)
                .field("last_name", .string, .required)
                .field("gender", .string, .required)
                .field("birth_date", .string)
                .field("job_title", .string)
                .field("account_id", .uuid, .references(Account.schema, .id))
                .field("lead_source", .string)
                .field("preferences", .json, .required)
                .create()

            try await ownedRecord(Lead.schema, on: database)
                .field("first_name", .string)
                .field("last_name", .string, .required)
                .field("company", .string)
                .field("job_title", .string)
                .field("source", .string, .required)
                .field("campaign_id", .uuid)
                .field("status", .string, .required)
                .field("disqualified_reason", .string)
                .field("score", .int, .required)
                .field("converted_at", .datetime)
                .field("converted_account_id", .uuid, .references(Account.schema, .id))
                .field("converted_contact_id", .uuid, .references(Contact.schema, .id))
                .field("converted_opportunity_id", .uuid)
                .create()

            try await database.schema(ContactPoint.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("record_type", .string, .required)
                .field("record_id", .uuid, .required)
                .field("kind", .string, .required)
                .field("key", .string, .required)
                .create()

            let sql = try database.sql()
            for statement: SQLQueryString in [
                "CREATE INDEX accounts_org_name ON accounts (org_id, name)",
                "CREATE INDEX accounts_org_name_key ON accounts (org_id, name_key)",
                "CREATE INDEX accounts_org_owner ON accounts (org_id, owner_user_id)",
                "CREATE INDEX accounts_org_kind ON accounts (org_id, kind)",
                "CREATE INDEX accounts_parent ON accounts (parent_id)",
                "CREATE INDEX contacts_org_last_name ON contacts (org_id, last_name)",
                "CREATE INDEX contacts_org_name_key ON contacts (org_id, name_key)",
                "CREATE INDEX contacts_org_owner ON contacts (org_id, owner_user_id)",
                "CREATE INDEX contacts_account ON contacts (account_id)",
                "CREATE INDEX leads_org_status ON leads (org_id, status)",
                "CREATE INDEX leads_org_name_key ON leads (org_id, name_key)",
                "CREATE INDEX leads_org_owner ON leads (org_id, owner_user_id)",
                "CREATE INDEX contact_points_lookup ON contact_points (org_id, kind, key)",
                "CREATE INDEX contact_points_record ON contact_points (record_id)",
            ] {
                try await sql.raw(statement).run()
            }
            for table in [Account.schema, Contact.schema, Lead.schema] {
                try await SearchIndex.install(on: table, database: database)
            }
        }

        func revert(on database: any Database) async throws {
            for table in [Lead.schema, Contact.schema, Account.schema] {
                try await SearchIndex.uninstall(from: table, database: database)
            }
            for schema in [ContactPoint.schema, Lead.schema, Contact.schema, Account.schema] {
                try await database.schema(schema).delete()
            }
        }

        /// The columns every owned business record shares: identity, tenancy, ownership, version,
        /// soft delete, address, phones, emails, tags and the derived matching keys.
        private func ownedRecord(_ schema: String, on database: any Database) -> SchemaBuilder {
            database.schema(schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("deleted_at", .datetime)
                .field("version", .int, .required)
                .field("owner_user_id", .uuid, .references(User.schema, .id))
                .field("owner_team_id", .uuid, .references(Team.schema, .id))
                // shared data fields
                .field("description", .string)
                .field("address_province", .string)
                .field("address_city", .string)
                .field("address_line", .string)
                .field("address_postal_code", .string)
                // Fluent stores Swift arrays as PostgreSQL arrays and as JSON text on SQLite.
                .field("phones", .array(of: .json), .required)
                .field("emails", .array(of: .json), .required)
                .field("tags", .array(of: .string), .required)
                // derived fields
                .field("name_key", .string, .required)
                .field("search_text", .string, .required)
        }
    }
}
