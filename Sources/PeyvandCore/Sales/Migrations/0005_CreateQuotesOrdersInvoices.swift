import FluentKit
import SQLKit

extension SalesModule {
    /// Quotes, orders and invoices with their lines, payments, and the per-year number series.
    struct CreateQuotesOrdersInvoices: AsyncMigration {
        var name: String { "sales.0005" }

        func prepare(on database: any Database) async throws {
            try await database.schema(DocumentSequence.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("kind", .string, .required)
                .field("year", .int, .required)
                .field("last_number", .int, .required)
                .unique(on: "org_id", "kind", "year")
                .create()

            try await document(Quote.schema, on: database)
                .field("opportunity_id", .uuid, .references(Opportunity.schema, .id))
                .field("price_list_id", .uuid, .references(PriceList.schema, .id))
                .field("valid_until", .string)
                .field("sent_at", .datetime)
                .field("decided_at", .datetime)
                .create()
            try await document(SalesOrder.schema, on: database)
                .field("quote_id", .uuid, .references(Quote.schema, .id))
                .create()
            try await document(Invoice.schema, on: database)
                .field("order_id", .uuid, .references(SalesOrder.schema, .id))
                .field("due_date", .string)
                .field("paid_minor", .int64, .required)
                .create()

            try await database.schema(DocumentLine.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("document_kind", .string, .required)
                .field("document_id", .uuid, .required)
                .field("position", .int, .required)
                .field("product_id", .uuid, .references(Product.schema, .id))
                .field("source_line_id", .uuid)
                .field("description", .string, .required)
                .field("quantity_milli", .int64, .required)
                .field("unit_price_minor", .int64, .required)
                .field("discount_bp", .int64, .required)
                .field("tax_rate_bp", .int64, .required)
                .field("net_minor", .int64, .required)
                .field("discount_minor", .int64, .required)
                .field("tax_minor", .int64, .required)
                .field("total_minor", .int64, .required)
                .create()

            try await database.schema(Payment.schema)
                .field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required, .references(Organisation.schema, .id))
                .field("invoice_id", .uuid, .required, .references(Invoice.schema, .id))
                .field("amount_minor", .int64, .required)
                .field("currency", .string, .required)
                .field("paid_on", .string, .required)
                .field("method", .string, .required)
                .field("reference", .string)
                .field("recorded_by", .uuid, .references(User.schema, .id))
                .field("created_at", .datetime)
                .create()

            let sql = try database.sql()
            for table in [Quote.schema, SalesOrder.schema, Invoice.schema] {
                try await sql.raw("CREATE UNIQUE INDEX \(ident: "\(table)_org_number") ON \(ident: table) (org_id, number)").run()
                try await sql.raw("CREATE INDEX \(ident: "\(table)_org_status") ON \(ident: table) (org_id, status)").run()
                try await sql.raw("CREATE INDEX \(ident: "\(table)_account") ON \(ident: table) (account_id)").run()
                try await SearchIndex.install(on: table, database: database)
            }
            try await sql.raw("CREATE INDEX document_lines_document ON document_lines (document_id, position)").run()
            try await sql.raw("CREATE INDEX document_lines_source ON document_lines (source_line_id)").run()
            try await sql.raw("CREATE INDEX payments_invoice ON payments (invoice_id)").run()
            try await sql.raw("CREATE INDEX orders_quote ON orders (quote_id)").run()
            try await sql.raw("CREATE INDEX invoices_order ON invoices (order_id)").run()
        }

        func revert(on database: any Database) async throws {
            for table in [Quote.schema, SalesOrder.schema, Invoice.schema] { try await SearchIndex.uninstall(from: table, database: database) }
            for schema in [Payment.schema, DocumentLine.schema, Invoice.schema, SalesOrder.schema, Quote.schema, DocumentSequence.schema] {
                try await database.schema(schema).delete()
            }
        }

        /// The columns every sales document shares.
        private func document(_ schema: String, on database: any Database) -> SchemaBuilder {
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
                // data fields
                .field("number", .string, .required)
                .field("account_id", .uuid, .required, .references(Account.schema, .id))
                .field("contact_id", .uuid, .references(Contact.schema, .id))
                .field("status", .string, .required)
                .field("currency", .string, .required)
                .field("notes", .string)
                .field("subtotal_minor", .int64, .required)
                .field("discount_minor", .int64, .required)
                .field("tax_minor", .int64, .required)
                .field("total_minor", .int64, .required)
                // derived fields
                .field("search_text", .string, .required)
        }
    }
}
