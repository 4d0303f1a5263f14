import FluentKit
import SQLKit

extension ServiceModule {
    /// SLA policies, contracts, and the SLA and contract facts kept on each case. The case's
    /// `sla_policy_id` and `contract_id` columns were reserved by `service.0001`.
    struct CreateSLAPoliciesAndContracts: AsyncMigration {
        var name: String { "service.0002" }

        func prepare(on database: any Database) async throws {
            try await database.schema(SLAPolicy.schema)
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
                .field("is_default", .bool, .required)
                .field("targets", .array(of: .json), .required)
                .field("warning_minutes", .int, .required)
                .field("escalation_queue_id", .uuid, .references(ServiceQueue.schema, .id))
                .field("escalation_user_id", .uuid, .references(User.schema, .id))
                .create()

            try await database.schema(ServiceContract.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("deleted_at", .datetime)
                .field("version", .int, .required)
                // data fields
                .field("name", .string, .required)
                .field("account_id", .uuid, .required, .references(Account.schema, .id))
                .field("starts_on", .string, .required)
                .field("ends_on", .string, .required)
                .field("sla_policy_id", .uuid, .references(SLAPolicy.schema, .id))
                .field("entitlement_unit", .string, .required)
                .field("entitlement_total", .int)
                .field("notes", .string)
                .create()

            // SQLite adds one column per ALTER TABLE.
            for (column, type, constraints) in [
                ("sla_started_at", DatabaseSchema.DataType.datetime, [DatabaseSchema.FieldConstraint]()),
                ("sla_first_response_minutes", .int, []),
                ("sla_resolution_minutes", .int, []),
                ("sla_first_response_due_at", .datetime, []),
                ("sla_resolution_due_at", .datetime, []),
                ("sla_paused_since", .datetime, []),
                ("sla_paused_seconds", .int, [.required, .sql(.default(0))]),
                ("sla_alerts", .string, [.required, .sql(.default(""))]),
                ("contract_standing", .string, []),
                ("time_spent_minutes", .int, []),
            ] {
                try await database.schema(SupportCase.schema)
                    .field(.definition(name: .key(.string(column)), dataType: type, constraints: constraints)).update()
            }

            let sql = try database.sql()
            for statement: SQLQueryString in [
                "CREATE INDEX sla_policies_live_org_name ON sla_policies (org_id, name_key) WHERE deleted_at IS NULL",
                "CREATE INDEX contracts_live_org_account ON contracts (org_id, account_id, ends_on) WHERE deleted_at IS NULL",
                "CREATE INDEX contracts_live_org_id ON contracts (org_id, id) WHERE deleted_at IS NULL",
                "CREATE INDEX cases_contract ON cases (contract_id) WHERE deleted_at IS NULL",
                // The escalation sweep reads only the clocks still counting, soonest due first.
                """
                CREATE INDEX cases_first_response_due ON cases (sla_first_response_due_at)
                WHERE deleted_at IS NULL AND first_response_at IS NULL AND sla_first_response_due_at IS NOT NULL
                """,
                """
                CREATE INDEX cases_resolution_due ON cases (sla_resolution_due_at)
                WHERE deleted_at IS NULL AND resolved_at IS NULL AND sla_resolution_due_at IS NOT NULL
                """,
            ] {
                try await sql.raw(statement).run()
            }
        }

        func revert(on database: any Database) async throws {
            for index in ["cases_first_response_due", "cases_resolution_due", "cases_contract"] {
                try await database.sql().raw("DROP INDEX \(unsafeRaw: index)").run()
            }
            for column in ["sla_started_at", "sla_first_response_minutes", "sla_resolution_minutes", "sla_first_response_due_at",
                           "sla_resolution_due_at", "sla_paused_since", "sla_paused_seconds", "sla_alerts", "contract_standing",
                           "time_spent_minutes"] {
                try await database.schema(SupportCase.schema).deleteField(.string(column)).update()
            }
            try await database.schema(ServiceContract.schema).delete()
            try await database.schema(SLAPolicy.schema).delete()
        }
    }
}
