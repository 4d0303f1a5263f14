import FluentKit
import SQLKit

extension ServiceModule {
    /// The messages of each case's e-mail thread (received and sent), by Message-ID, so a reply is
    /// threaded back to its case; the files received with them; the satisfaction surveys sent
    /// when a case is resolved; and each case's category in compared form, for similar cases.
    struct CreateCaseEmails: AsyncMigration {
        var name: String { "service.0003" }

        func prepare(on database: any Database) async throws {
            try await database.schema(CaseEmail.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("case_id", .uuid, .required, .references(SupportCase.schema, .id))
                .field("comment_id", .uuid, .references(CaseComment.schema, .id))
                .field("direction", .string, .required)
                .field("message_id", .string, .required)
                .field("inbound_email_id", .uuid)
                .field("outbound_email_id", .uuid)
                .field("address", .string, .required)
                .field("created_at", .datetime, .required)
                .unique(on: "inbound_email_id")
                .create()

            try await database.schema(CaseAttachment.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("case_id", .uuid, .required, .references(SupportCase.schema, .id))
                .field("comment_id", .uuid, .references(CaseComment.schema, .id))
                .field("file_name", .string, .required)
                .field("content_type", .string, .required)
                .field("size", .int, .required)
                .field("data", .data, .required)
                .field("created_at", .datetime, .required)
                .create()

            try await database.schema(CaseSurvey.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("case_id", .uuid, .required, .references(SupportCase.schema, .id))
                .field("contact_id", .uuid, .references(Contact.schema, .id))
                .field("token_hash", .string, .required)
                .field("language", .string, .required)
                .field("sent_at", .datetime, .required)
                .field("expires_at", .datetime, .required)
                .field("score", .int)
                .field("comment", .string)
                .field("responded_at", .datetime)
                .unique(on: "token_hash")
                .create()

            try await database.schema(SupportCase.schema).field("category_key", .string).update()
            for supportCase in try await SupportCase.query(on: database).withDeleted().filter(\.$category != nil).all() {
                try await SupportCase.query(on: database).withDeleted().filter(\.$id == supportCase.id!)
                    .set(\.$categoryKey, to: supportCase.category.map(PersianText.compacted)).update()
            }

            let sql = try database.sql()
            for statement: SQLQueryString in [
                "CREATE INDEX cases_live_org_category ON cases (org_id, category_key) WHERE deleted_at IS NULL",
                "CREATE INDEX case_emails_org_message ON case_emails (org_id, message_id)",
                "CREATE INDEX case_emails_case ON case_emails (case_id, created_at)",
                "CREATE INDEX case_attachments_case ON case_attachments (case_id, created_at)",
                "CREATE INDEX case_surveys_case ON case_surveys (case_id, sent_at)",
            ] {
                try await sql.raw(statement).run()
            }
        }

        func revert(on database: any Database) async throws {
            try await database.sql().raw("DROP INDEX cases_live_org_category").run()
            try await database.schema(SupportCase.schema).deleteField("category_key").update()
            try await database.schema(CaseSurvey.schema).delete()
            try await database.schema(CaseAttachment.schema).delete()
            try await database.schema(CaseEmail.schema).delete()
        }
    }
}
