import FluentKit

/// Customer service: cases, their comments and links, and the queues that route them.
/// Depends on Platform and Sales (cases regard accounts, contacts and products), and on the
/// platform's business calendar for SLA clocks.
public enum ServiceModule {
    /// In the order they must run; a shipped migration is never edited, the next one fixes it.
    public static var migrations: [any Migration] {
        [
            CreateQueuesAndCases(),
            CreateSLAPoliciesAndContracts(),
            CreateCaseEmails(),
            IndexCasesForSimilarity(),
        ]
    }

    /// Columns pointing at contacts and accounts, moved when duplicates are merged.
    public static let mergeReferences: MergeService.References = [
        Contact.auditType: [(SupportCase.schema, "contact_id")],
        Account.auditType: [(SupportCase.schema, "account_id")],
    ]

    /// What later modules add to the merge of contacts and accounts (activities and cases).
    public static var allMergeReferences: MergeService.References {
        ActivitiesModule.mergeReferences.merging(mergeReferences) { $0 + $1 }
    }
}
