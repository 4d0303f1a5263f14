import FluentKit
import SQLKit

extension SalesModule {
    /// Pipelines with their stages, opportunities, and the history of every stage change.
    struct CreatePipelinesAndOpportunities: AsyncMigration {
        var name: String { "sales.0003" }

        func prepare(on database: any Database) async throws {
            try await database.schema(Pipeline.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("version", .int, .required)
                // data fields
                .field("name", .string, .required)
                .field("product_line", .string)
                .field("is_active", .bool, .required)
                // constraints
                .unique(on: "org_id", "name")
                .create()

            try await database.schema(PipelineStage.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("pipeline_id", .uuid, .required, .references(Pipeline.schema, .id))
                .field("name", .string, .required)
                .field("position", .int, .required)
                .field("probability", .int, .required)
                .field("outcome", .string, .required)
                .create()

            try await database.schema(Opportunity.schema)
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
                .field("name", .string, .required)
                .field("account_id", .uuid, .required, .references(Account.schema, .id))
                .field("contact_id", .uuid, .references(Contact.schema, .id))
                .field("pipeline_id", .uuid, .required, .references(Pipeline.schema, .id))
                .field("stage_id", .uuid, .required, .references(PipelineStage.schema, .id))
                .field("status", .string, .required)
                .field("amount_minor", .int64, .required)
                .field("currency", .string, .required)
                .field("expected_close_date", .string)
                .field("closed_at", .datetime)
                .field("lost_reason", .string)
                .field("competitors", .array(of: .string), .required)
                .field("description", .string)
                .field("tags", .array(of: .string), .required)
                // derived fields
                .field("search_text", .string, .required)
                .create()

            try await database.schema(OpportunityStageChange.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("opportunity_id", .uuid, .required, .references(Opportunity.schema, .id))
                .field("from_stage_id", .uuid, .references(PipelineStage.schema, .id))
                .field("to_stage_id", .uuid, .required, .references(PipelineStage.schema, .id))
                .field("amount_minor", .int64, .required)
                .field("changed_by", .uuid, .references(User.schema, .id))
                .field("changed_at", .datetime, .required)
                .create()

            let sql = try database.sql()
            for statement: SQLQueryString in [
                "CREATE INDEX pipeline_stages_pipeline ON pipeline_stages (pipeline_id, position)",
                "CREATE INDEX opportunities_org_stage ON opportunities (org_id, stage_id)",
                "CREATE INDEX opportunities_org_status_close ON opportunities (org_id, status, expected_close_date)",
                "CREATE INDEX opportunities_org_owner ON opportunities (org_id, owner_user_id)",
                "CREATE INDEX opportunities_org_name ON opportunities (org_id, name)",
                "CREATE INDEX opportunities_org_amount ON opportunities (org_id, amount_minor)",
                "CREATE INDEX opportunities_account ON opportunities (account_id)",
                "CREATE INDEX opportunities_contact ON opportunities (contact_id)",
                "CREATE INDEX opportunity_stage_changes_opportunity ON opportunity_stage_changes (opportunity_id, changed_at)",
            ] {
                try await sql.raw(statement).run()
            }
            try await SearchIndex.install(on: Opportunity.schema, database: database)
        }

        func revert(on database: any Database) async throws {
            try await SearchIndex.uninstall(from: Opportunity.schema, database: database)
            for schema in [OpportunityStageChange.schema, Opportunity.schema, PipelineStage.schema, Pipeline.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}
