import FluentKit

/// Sales: accounts, contacts, leads, and (as they land) pipelines, opportunities, products,
/// quotes, orders and invoices. Depends on Platform only.
public enum SalesModule {
    /// In the order they must run; a shipped migration is never edited, the next one fixes it.
    public static var migrations: [any Migration] {
        [
            CreateAccountsContactsLeads(),
            CreatePipelinesAndOpportunities(),
            CreateListOrderIndexes(),
        ]
    }
}
