import FluentKit
import SQLKit

extension PlatformModule {
    /// The audit log, the outbox, the job queue and remembered idempotent responses.
    struct CreateAuditOutboxJobs: AsyncMigration {
        var name: String { "platform.0003" }

        func prepare(on database: any Database) async throws {
            try await database.schema(AuditEntry.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("actor_user_id", .uuid)
                .field("action", .string, .required)
                .field("record_type", .string, .required)
                .field("record_id", .uuid, .required)
                .field("changes", .string, .required)
                .field("request_id", .string)
                .field("occurred_at", .datetime, .required)
                .create()

            try await database.schema(OutboxEvent.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("event_type", .string, .required)
                .field("record_type", .string, .required)
                .field("record_id", .uuid, .required)
                .field("payload", .string, .required)
                .field("created_at", .datetime, .required)
                .field("dispatched_at", .datetime)
                .create()

            try await database.schema(Job.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid)
                .field("kind", .string, .required)
                .field("payload", .string, .required)
                .field("dedupe_key", .string)
                .field("status", .string, .required)
                .field("attempts", .int, .required)
                .field("max_attempts", .int, .required)
                .field("run_at", .datetime, .required)
                .field("locked_by", .string)
                .field("locked_at", .datetime)
                .field("last_error", .string)
                .field("created_at", .datetime, .required)
                .field("finished_at", .datetime)
                .unique(on: "kind", "dedupe_key")
                .create()

            try await database.schema(IdempotencyRecord.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("user_id", .uuid, .required)
                .field("key", .string, .required)
                .field("request_hash", .string, .required)
                .field("status_code", .int)
                .field("response_headers", .string)
                .field("response_body", .string)
                .field("created_at", .datetime, .required)
                .unique(on: "org_id", "user_id", "key")
                .create()

            let sql = try database.sql()
            try await sql.create(index: "audit_log_record_idx").on(AuditEntry.schema)
                .column("org_id").column("record_type").column("record_id").column("id").run()
            try await sql.create(index: "audit_log_actor_idx").on(AuditEntry.schema)
                .column("org_id").column("actor_user_id").column("id").run()
            try await sql.create(index: "audit_log_org_idx").on(AuditEntry.schema).column("org_id").column("id").run()
            try await sql.create(index: "outbox_pending_idx").on(OutboxEvent.schema).column("dispatched_at").column("id").run()
            try await sql.create(index: "jobs_claim_idx").on(Job.schema).column("status").column("run_at").run()
            try await sql.create(index: "idempotency_created_idx").on(IdempotencyRecord.schema).column("created_at").run()
        }

        func revert(on database: any Database) async throws {
            for schema in [IdempotencyRecord.schema, Job.schema, OutboxEvent.schema, AuditEntry.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}
