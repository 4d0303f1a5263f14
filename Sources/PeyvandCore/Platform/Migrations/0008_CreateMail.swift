import FluentKit
import SQLKit

extension PlatformModule {
    /// Mail: outbound messages waiting for or past delivery, inbound messages stored raw before
    /// they are acknowledged, and which recipient address belongs to which organisation.
    struct CreateMail: AsyncMigration {
        var name: String { "platform.0008" }

        func prepare(on database: any Database) async throws {
            try await database.schema(OutboundEmail.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                // data fields
                .field("status", .string, .required)
                .field("attempts", .int, .required)
                .field("last_error", .string)
                .field("next_attempt_at", .datetime)
                .field("sent_at", .datetime)
                .field("message_id", .string, .required)
                .field("envelope_from", .string, .required)
                .field("recipients", .string, .required)
                .field("subject", .string, .required)
                .field("message", .string, .required)
                .field("category", .string, .required)
                .field("regarding_type", .string)
                .field("regarding_id", .uuid)
                // constraints
                .unique(on: "message_id")
                .create()
            try await database.sql().create(index: "outbound_emails_regarding").on(OutboundEmail.schema)
                .column("org_id").column("regarding_type").column("regarding_id").run()
            try await database.sql().create(index: "outbound_emails_auto_reply").on(OutboundEmail.schema)
                .column("org_id").column("category").column("recipients").column("created_at").run()

            try await database.schema(InboundEmail.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("received_at", .datetime, .required)
                .field("status", .string, .required)
                .field("envelope_from", .string, .required)
                .field("recipients", .string, .required)
                .field("size", .int, .required)
                .field("raw", .data, .required)
                .field("message_id", .string)
                .field("from_address", .string)
                .field("subject", .string)
                .field("is_automated", .bool, .required, .sql(.default(false)))
                .field("problems", .string)
                .field("handled_by", .string)
                .field("handled_record_type", .string)
                .field("handled_record_id", .uuid)
                .field("last_error", .string)
                .field("processed_at", .datetime)
                .create()
            try await database.sql().create(index: "inbound_emails_org_received").on(InboundEmail.schema)
                .column("org_id").column("received_at").run()

            try await database.schema(InboundMailAddress.schema)
                .field("address", .string, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime, .required)
                .create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(InboundMailAddress.schema).delete()
            try await database.schema(InboundEmail.schema).delete()
            try await database.schema(OutboundEmail.schema).delete()
        }
    }
}
