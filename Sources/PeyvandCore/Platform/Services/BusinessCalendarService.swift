import FluentKit
import Foundation

extension Holiday: Auditable {
    public static var auditType: String { "holiday" }
    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] { ["day": .init(day), "name": .init(name)] }
}

/// The audit trail's view of a working week: one entry on the organisation per change.
struct WorkingWeekChange: Auditable {
    static var auditType: String { "working_week" }
    let auditID: UUID
    let week: WorkingWeek
    var auditSnapshot: [String: JSONValue] {
        ["hours": .array(week.sorted.map { .string("\($0.day.rawValue) \(WorkingWeek.Span.text($0.start))–\(WorkingWeek.Span.text($0.end))") })]
    }
}

/// The only reader and writer of working hours and holidays. Everyone signed in may read them
/// (due times are shown to all); administrators change them.
public struct BusinessCalendarService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Holidays further back or ahead than this do not affect any clock being computed.
    static let holidayWindowDays = 800

    /// The organisation's calendar, with its holidays from a year before `around` to two after.
    /// `database`: the transaction to read in, when a write needs the calendar (SLA due times).
    public func calendar(organisationID: UUID, around moment: Date, on database: (any Database)? = nil) async throws -> BusinessCalendar {
        let database = database ?? store.database
        guard let organisation = try await Organisation.find(organisationID, on: database) else {
            throw PlatformError.notFound(recordType: "organisation")
        }
        let zone = TimeZone(identifier: organisation.timeZone) ?? TimeZone(identifier: "Asia/Tehran")!
        let from = Self.storedDay(moment.addingTimeInterval(-365 * 86_400), in: zone)
        let to = Self.storedDay(moment.addingTimeInterval(Double(Self.holidayWindowDays) * 86_400), in: zone)
        let holidays = try await Holiday.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$day >= from).filter(\.$day <= to).all()
        return BusinessCalendar(week: try await week(organisationID: organisationID, on: database), holidays: Set(holidays.map(\.day)), timeZone: zone)
    }

    public func week(in context: RequestContext) async throws -> WorkingWeek {
        try await week(organisationID: context.organisationID)
    }

    func week(organisationID: UUID, on database: (any Database)? = nil) async throws -> WorkingWeek {
        let rows = try await WorkingHours.query(on: database ?? store.database).filter(\.$organisationID == organisationID).all()
        guard !rows.isEmpty else { return .iranianOffice }
        return WorkingWeek(rows.compactMap { row in
            WorkingWeek.Day(rawValue: row.day).map { WorkingWeek.Span($0, row.startMinute, row.endMinute) }
        })
    }

    /// Replaces the working week. Each bad span is reported as `hours.<index>` (in the order
    /// given); a week without any hours is refused, since no target could ever fall due.
    public func setWeek(_ week: WorkingWeek, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> WorkingWeek {
        try context.require(.administration, .update)
        var validator = readProblems
        if week.spans.isEmpty { validator.add("hours", .required) }
        for problem in week.problems { validator.add("hours.\(problem.index)", problem.code) }
        try validator.check()
        let now = store.now()
        let before = try await self.week(in: context)
        try await store.write { database in
            try await WorkingHours.query(on: database).filter(\.$organisationID == context.organisationID).delete()
            for span in week.spans { try await WorkingHours(organisationID: context.organisationID, span: span).create(on: database) }
            try await AuditTrail.record(.update, of: WorkingWeekChange(auditID: context.organisationID, week: week),
                                        before: WorkingWeekChange(auditID: context.organisationID, week: before).auditSnapshot,
                                        by: context, at: now, on: database)
        }
        return week
    }

    /// The holidays of one Jalali year (Farvardin 1 to Esfand's end), by day.
    public func holidays(jalaliYear year: Int, in context: RequestContext) async throws -> [Holiday] {
        guard let first = CalendarDay.parse(String(format: "%04d/01/01", year)), let next = CalendarDay.parse(String(format: "%04d/01/01", year + 1))
        else { throw ValidationFailure([FieldError(field: "year", code: .outOfRange)]) }
        return try await Holiday.query(on: store.database).filter(\.$organisationID == context.organisationID)
            .filter(\.$day >= first).filter(\.$day < next).sort(\.$day).all()
    }

    /// Declares a day closed; `day` in either calendar (`1405/01/01`, `2026-03-21`).
    public func addHoliday(day: String?, name: String?, by context: RequestContext,
                           readProblems: FieldValidator = FieldValidator()) async throws -> Holiday {
        try context.require(.administration, .update)
        var validator = readProblems
        let stored = day.flatMap(CalendarDay.parse)
        if day == nil { validator.add("day", .required) } else if stored == nil { validator.add("day", .invalidFormat) }
        let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty { validator.add("name", .required) } else if trimmed.count > 200 { validator.add("name", .tooLong) }
        if let stored, try await Holiday.query(on: store.database).filter(\.$organisationID == context.organisationID)
            .filter(\.$day == stored).count() > 0 {
            validator.add("day", .notUnique)
        }
        try validator.check()
        let holiday = Holiday(organisationID: context.organisationID, day: stored!, name: trimmed)
        let now = store.now()
        try await store.write { database in
            try await holiday.create(on: database)
            try await AuditTrail.record(.create, of: holiday, by: context, at: now, on: database)
        }
        return holiday
    }

    public func removeHoliday(_ id: UUID, by context: RequestContext) async throws {
        try context.require(.administration, .update)
        let now = store.now()
        try await store.write { database in
            guard let holiday = try await Holiday.query(on: database).filter(\.$organisationID == context.organisationID)
                .filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: Holiday.auditType) }
            try await holiday.delete(on: database)
            try await AuditTrail.record(.delete, of: holiday, before: holiday.auditSnapshot, by: context, at: now, on: database)
        }
    }

    static func storedDay(_ moment: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
