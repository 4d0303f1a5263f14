import FluentKit
import Foundation

extension ActivitiesModule {
    /// Activities through the sales CSV import (the app hands it to `ImportJob`).
    public static let importRunner = ImportRunner { store in ActivityImport(store: store) }
}

/// Activities from a CSV, e.g. the call log or task list of another system: kind and subject are
/// required; kinds, statuses and priorities may be written in Persian (`تماس`, `انجام شد`); due,
/// start and end are a day or a day and time in either calendar, in the importer's time zone; an
/// `account` column makes the activity regard that account (one the importer may read). Activities
/// have no natural key, so every row is a new activity.
final class ActivityImport: ImportTarget, @unchecked Sendable {
    private var accountsByName: [String: UUID] = [:]
    let store: Store

    init(store: Store) {
        self.store = store
    }

    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws {
        let names = Set(rows.compactMap { $0["account"] }.map(PersianText.compacted)).subtracting(accountsByName.keys)
        guard !names.isEmpty, context.permissions.scope(for: .accounts, .read) != nil else { return }
        let accounts = try await Account.query(on: database).scoped(to: context, for: .read).filter(\.$nameKey ~~ Array(names)).all()
        for account in accounts where accountsByName[account.nameKey] == nil { accountsByName[account.nameKey] = account.id }
    }

    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Activity, Void)? {
        let input = self.input(values, zone: context.timeZone, into: &validator)
        input.validate(creating: true, into: &validator)
        guard validator.errors.isEmpty, let kind = input.kind.flatMap(Activity.Kind.init(rawValue:)) else { return nil }
        let now = store.now()
        let activity = Activity(organisationID: context.organisationID, kind: kind, subject: "", at: now)
        if kind == .note && input.status == nil { activity.status = Activity.Status.completed.rawValue }
        ActivityService.apply(input, to: activity, at: now)
        activity.ownerUserID = context.userID
        return (activity, ())
    }

    /// Never called: activities are never duplicates of each other.
    func update(_ activity: Activity, with values: [String: String], into validator: inout FieldValidator) throws -> Void? { nil }

    func matchKeys(of activity: Activity, _: Void) -> [String] { [] }

    func existingMatches(for records: [(Activity, Void)], in context: RequestContext, on database: any Database) async throws -> [String: UUID] {
        [:]
    }

    func extras(of activity: Activity) {}

    func insert(_ records: [(Activity, Void)], by context: RequestContext, at now: Date, on database: any Database) async throws {
        try await insertRecords(records.map(\.0), by: context, at: now, on: database)
    }

    func afterUpdate(_ activity: Activity, _: Void, before: [String: JSONValue], by context: RequestContext, at now: Date,
                     on database: any Database) async throws {}

    private func input(_ values: [String: String], zone: TimeZone, into validator: inout FieldValidator) -> ActivityInput {
        var moments: [String: Date] = [:]
        for field in ["due_at", "start_at", "end_at"] {
            guard let text = values[field] else { continue }
            if let moment = CalendarMoment.parse(text, in: zone) { moments[field] = moment } else { validator.add(field, .invalidFormat) }
        }
        var regarding: ActivityInput.Regarding?
        if let name = values["account"] {
            if let id = accountsByName[PersianText.compacted(name)] {
                regarding = ActivityInput.Regarding(type: RegardingType.account.rawValue, id: id)
            } else {
                validator.add("account", .referencedRecordMissing)
            }
        }
        var provided = Set(values.keys)
        if regarding != nil { provided.insert("regarding") }
        return ActivityInput(provided: provided, kind: values["kind"].map(Self.kind), subject: values["subject"], body: values["body"],
                             status: values["status"].map(Self.status), priority: values["priority"].map(Self.priority),
                             dueAt: moments["due_at"], startAt: moments["start_at"], endAt: moments["end_at"], regarding: regarding)
    }

    static func kind(_ text: String) -> String {
        switch PersianText.normalized(text) {
        case "وظیفه", "کار", "پیگیری": Activity.Kind.task.rawValue
        case "تماس", "تماس تلفنی", "تلفن": Activity.Kind.call.rawValue
        case "جلسه", "ملاقات": Activity.Kind.meeting.rawValue
        case "ایمیل", "رایانامه": Activity.Kind.email.rawValue
        case "یادداشت": Activity.Kind.note.rawValue
        case "پیامک", "اس ام اس": Activity.Kind.sms.rawValue
        default: PersianText.normalized(text)
        }
    }

    static func status(_ text: String) -> String {
        switch PersianText.normalized(text) {
        case "باز", "در جریان", "انجام نشده": Activity.Status.open.rawValue
        case "انجام شد", "انجام شده", "تمام شده", "done", "complete": Activity.Status.completed.rawValue
        case "لغو", "لغو شد", "لغو شده", "canceled": Activity.Status.cancelled.rawValue
        default: PersianText.normalized(text)
        }
    }

    static func priority(_ text: String) -> String {
        switch PersianText.normalized(text) {
        case "کم", "پایین": Activity.Priority.low.rawValue
        case "عادی", "معمولی", "متوسط": Activity.Priority.normal.rawValue
        case "زیاد", "بالا", "فوری": Activity.Priority.high.rawValue
        default: PersianText.normalized(text)
        }
    }
}
