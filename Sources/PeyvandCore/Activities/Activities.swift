import FluentKit

/// Activities (tasks, calls, meetings, emails, notes, SMS), reminders and the 360° timeline.
/// Depends on Platform and Sales (activities regard sales records).
public enum ActivitiesModule {
    /// In the order they must run; a shipped migration is never edited, the next one fixes it.
    public static var migrations: [any Migration] {
        [
            CreateActivities(),
            CreateListOrderIndexes(),
        ]
    }

    /// Columns pointing at contacts and accounts, moved when duplicates are merged.
    public static let mergeReferences: MergeService.References = [
        Contact.auditType: [(Activity.schema, "regarding_id")],
        Account.auditType: [(Activity.schema, "regarding_id")],
    ]
}
