import FluentKit
import SQLKit

extension KnowledgeModule {
    /// Articles (searchable through the full-text index), their revisions, readers' votes and the
    /// cases that used them.
    struct CreateKnowledgeArticles: AsyncMigration {
        var name: String { "knowledge.0001" }

        func prepare(on database: any Database) async throws {
            try await database.schema(KnowledgeArticle.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("deleted_at", .datetime)
                .field("version", .int, .required)
                .field("owner_user_id", .uuid, .references(User.schema, .id))
                .field("owner_team_id", .uuid, .references(Team.schema, .id))
                .field("title", .string, .required)
                .field("body", .string, .required)
                .field("category", .string)
                .field("category_key", .string)
                .field("product_id", .uuid, .references(Product.schema, .id))
                .field("keywords", .string, .required)
                .field("language", .string, .required)
                .field("status", .string, .required)
                .field("revision", .int, .required)
                .field("published_at", .datetime)
                .field("archived_at", .datetime)
                .field("view_count", .int, .required)
                .field("helpful_count", .int, .required)
                .field("not_helpful_count", .int, .required)
                .field("case_count", .int, .required)
                .field("search_text", .string, .required)
                .create()

            try await database.schema(ArticleRevision.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("article_id", .uuid, .required, .references(KnowledgeArticle.schema, .id))
                .field("revision", .int, .required)
                .field("title", .string, .required)
                .field("body", .string, .required)
                .field("category", .string)
                .field("product_id", .uuid)
                .field("keywords", .string, .required)
                .field("language", .string, .required)
                .field("author_user_id", .uuid, .references(User.schema, .id))
                .field("created_at", .datetime, .required)
                .unique(on: "article_id", "revision")
                .create()

            try await database.schema(ArticleVote.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("article_id", .uuid, .required, .references(KnowledgeArticle.schema, .id))
                .field("user_id", .uuid, .required, .references(User.schema, .id))
                .field("helpful", .bool, .required)
                .field("created_at", .datetime, .required)
                .unique(on: "article_id", "user_id")
                .create()

            try await database.schema(CaseArticle.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("case_id", .uuid, .required, .references(SupportCase.schema, .id))
                .field("article_id", .uuid, .required, .references(KnowledgeArticle.schema, .id))
                .field("revision", .int, .required)
                .field("linked_by_user_id", .uuid, .references(User.schema, .id))
                .field("created_at", .datetime, .required)
                .unique(on: "case_id", "article_id")
                .create()

            let sql = try database.sql()
            for statement: SQLQueryString in [
                "CREATE INDEX kb_articles_live_org_status ON kb_articles (org_id, status, id) WHERE deleted_at IS NULL",
                "CREATE INDEX kb_articles_live_org_product ON kb_articles (org_id, product_id) WHERE deleted_at IS NULL",
                "CREATE INDEX kb_articles_live_org_category ON kb_articles (org_id, category_key) WHERE deleted_at IS NULL",
                "CREATE INDEX kb_articles_live_org_updated ON kb_articles (org_id, updated_at, id) WHERE deleted_at IS NULL",
                "CREATE INDEX kb_case_articles_article ON kb_case_articles (article_id)",
            ] {
                try await sql.raw(statement).run()
            }
            try await SearchIndex.install(on: KnowledgeArticle.schema, database: database)
        }

        func revert(on database: any Database) async throws {
            try await SearchIndex.uninstall(from: KnowledgeArticle.schema, database: database)
            for schema in [CaseArticle.schema, ArticleVote.schema, ArticleRevision.schema, KnowledgeArticle.schema] {
                try await database.schema(schema).delete()
            }
        }
    }
}
