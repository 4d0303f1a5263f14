import FluentKit
import Foundation

/// The settings an administrator changes: the organisation's name, the language new users start
/// with, the default time zone, whether IRR amounts are shown in Rials or Tomans, and the Jalali
/// month its fiscal year begins with.
public struct OrganisationSettings: Sendable {
    public var name: String?
    public var defaultLanguage: String?
    public var timeZone: String?
    public var moneyUnit: String?
    public var fiscalYearStartMonth: Int?

    public static let moneyUnits = ["toman", "rial"]

    public init(name: String? = nil, defaultLanguage: String? = nil, timeZone: String? = nil, moneyUnit: String? = nil,
                fiscalYearStartMonth: Int? = nil) {
        self.name = name
        self.defaultLanguage = defaultLanguage
        self.timeZone = timeZone
        self.moneyUnit = moneyUnit
        self.fiscalYearStartMonth = fiscalYearStartMonth
    }

    func validate(into validator: inout FieldValidator) {
        if let name { validator.text(name, "name", required: true, max: 200) }
        validator.oneOf(defaultLanguage, Language.self, "default_language")
        if let timeZone, TimeZone(identifier: timeZone) == nil { validator.add("time_zone", .unknownValue) }
        if let moneyUnit, !Self.moneyUnits.contains(moneyUnit) { validator.add("money_unit", .unknownValue) }
        if let fiscalYearStartMonth, !(1...12).contains(fiscalYearStartMonth) { validator.add("fiscal_year_start_month", .outOfRange) }
    }
}

extension Organisation: Auditable {
    public static let auditType = "organisation"
    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        ["name": .string(name), "default_language": .string(defaultLanguage), "time_zone": .string(timeZone),
         "currency": .string(currency), "money_unit": .string(moneyUnit), "fiscal_year_start_month": .from(fiscalYearStartMonth)]
    }
}

extension OrganisationService {
    /// Changes the acting administrator's organisation; a stale `expectedVersion` is refused.
    public func updateSettings(_ changes: OrganisationSettings, expectedVersion: Int?, by context: RequestContext,
                               readProblems: FieldValidator = FieldValidator()) async throws -> Organisation {
        try context.require(.administration, .update)
        var validator = readProblems
        changes.validate(into: &validator)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            guard let organisation = try await Organisation.find(context.organisationID, on: database)
            else { throw PlatformError.unauthenticated }
            if let expectedVersion, expectedVersion != organisation.version {
                throw PlatformError.staleVersion(expected: expectedVersion, current: organisation.version)
            }
            let before = organisation.auditSnapshot
            if let name = changes.name { organisation.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let language = changes.defaultLanguage { organisation.defaultLanguage = language }
            if let timeZone = changes.timeZone { organisation.timeZone = timeZone }
            if let moneyUnit = changes.moneyUnit { organisation.moneyUnit = moneyUnit }
            if let month = changes.fiscalYearStartMonth { organisation.fiscalYearStartMonth = month }
            organisation.version += 1
            try await organisation.update(on: database)
            try await AuditTrail.record(.update, of: organisation, before: before, by: context, at: now, on: database)
            return organisation
        }
    }
}
