import FluentKit

/// Sales: accounts, contacts, leads, pipelines, opportunities, products and price lists,
/// quotes, orders and invoices. Depends on Platform only.
public enum SalesModule {
    /// In the order they must run; a shipped migration is never edited, the next one fixes it.
    public static var migrations: [any Migration] {
        [
            CreateAccountsContactsLeads(),
            CreateProductsAndPriceLists(),
            CreatePipelinesAndOpportunities(),
            CreateListOrderIndexes(),
            CreateQuotesOrdersInvoices(),
            CreateBoardIndexes(),
        ]
    }
}
