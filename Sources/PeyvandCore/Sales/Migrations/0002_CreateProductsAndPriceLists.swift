import FluentKit
import SQLKit

extension SalesModule {
    /// The product catalogue and price lists with their per-product prices, and their search indexes.
    struct CreateProductsAndPriceLists: AsyncMigration {
        var name: String { "sales.0002" }

        func prepare(on database: any Database) async throws {
            try await catalogueRecord(Product.schema, on: database)
                // data fields
                .field("sku", .string, .required)
                .field("name_fa", .string)
                .field("name_en", .string)
                .field("product_line", .string)
                .field("unit", .string, .required)
                .field("list_price_minor", .int64, .required)
                .field("currency", .string, .required)
                .field("tax_rate_bp", .int, .required)
                .field("is_active", .bool, .required)
                // derived fields
                .field("sku_key", .string, .required)
                .create()

            try await catalogueRecord(PriceList.schema, on: database)
                // data fields
                .field("name", .string, .required)
                .field("currency", .string, .required)
                .field("valid_from", .string)
                .field("valid_to", .string)
                .field("is_active", .bool, .required)
                // derived fields
                .field("name_key", .string, .required)
                .create()

            try await database.schema(PriceListItem.schema)
                // managed fields
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .field("version", .int, .required)
                // relationships
                .field("price_list_id", .uuid, .required, .references(PriceList.schema, .id))
                .field("product_id", .uuid, .required, .references(Product.schema, .id))
                // data fields
                .field("unit_price_minor", .int64, .required)
                // constraints
                .unique(on: "org_id", "price_list_id", "product_id", name: "price_list_items_org_list_product")
                .create()

            let sql = try database.sql()
            for statement: SQLQueryString in [
                // A SKU or price-list name is unique among the live records of an organisation; a
                // deleted one keeps its value until it is restored (the service checks then).
                "CREATE UNIQUE INDEX products_org_sku_key ON products (org_id, sku_key) WHERE deleted_at IS NULL",
                "CREATE INDEX products_org_sku ON products (org_id, sku)",
                "CREATE INDEX products_org_name_fa ON products (org_id, name_fa)",
                "CREATE INDEX products_org_name_en ON products (org_id, name_en)",
                "CREATE INDEX products_org_list_price ON products (org_id, list_price_minor)",
                "CREATE INDEX products_org_product_line ON products (org_id, product_line)",
                "CREATE INDEX products_org_active ON products (org_id, is_active)",
                "CREATE INDEX products_org_currency ON products (org_id, currency)",
                "CREATE UNIQUE INDEX price_lists_org_name_key ON price_lists (org_id, name_key) WHERE deleted_at IS NULL",
                "CREATE INDEX price_lists_org_name ON price_lists (org_id, name)",
                "CREATE INDEX price_lists_org_valid_from ON price_lists (org_id, valid_from)",
                "CREATE INDEX price_lists_org_active ON price_lists (org_id, is_active)",
                "CREATE INDEX price_list_items_org_product ON price_list_items (org_id, product_id)",
            ] {
                try await sql.raw(statement).run()
            }
            for table in [Product.schema, PriceList.schema] {
                try await SearchIndex.install(on: table, database: database)
            }
        }

        func revert(on database: any Database) async throws {
            for table in [PriceList.schema, Product.schema] {
                try await SearchIndex.uninstall(from: table, database: database)
            }
            for schema in [PriceListItem.schema, PriceList.schema, Product.schema] {
                try await database.schema(schema).delete()
            }
        }

        /// The columns every catalogue record shares: identity, tenancy, creator as owner,
        /// version, soft delete, description and the search document.
        private func catalogueRecord(_ schema: String, on database: any Database) -> SchemaBuilder {
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
                .field("search_text", .string, .required)
        }
    }
}
