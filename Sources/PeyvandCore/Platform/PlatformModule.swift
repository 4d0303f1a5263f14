import FluentKit

/// The platform every business module stands on: organisations, people, access, audit, outbox,
/// jobs. It depends on no business module.
public enum PlatformModule {
    /// In the order they must run; a shipped migration is never edited, the next one fixes it.
    public static var migrations: [any Migration] {
        [
            CreateOrganisationsAndPeople(),
            CreateCredentials(),
            CreateAuditOutboxJobs(),
            CreateRecordTags(),
            CreateImports(),
            CreateSavedViews(),
            AddFiscalYearStart(),
            CreateMail(),
            CreateBusinessCalendar(),
        ]
    }
}
