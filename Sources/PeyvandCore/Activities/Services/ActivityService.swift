import FluentKit
import Foundation

/// The only writer of activities. An activity regarding a record needs the actor to be able to
/// read that record; participants must be users of the organisation or readable contacts.
public struct ActivityService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Activity>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("timeline_at", kind: .timestamp), SortableColumn("subject", kind: .text),
        ],
        defaultSort: ListSort("timeline_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Activity> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Activity {
        try await SalesRecords.find(Activity.self, id, for: .read, in: context, on: store.database)
    }

    /// Open activities of the actor whose reminder time has come, soonest first.
    public func reminders(in context: RequestContext, limit: Int = 100) async throws -> [Activity] {
        try await Activity.query(on: store.database).scoped(to: context)
            .filter(\.$ownerUserID == context.userID)
            .filter(\.$status == Activity.Status.open.rawValue)
            .filter(\.$remindAt <= store.now())
            .sort(\.$remindAt).sort(\.$id).limit(limit).all()
    }

    public func create(_ input: ActivityInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> Activity {
        try context.require(.activities, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        try await validateReferences(input, into: &validator, in: context)
        try validator.check()
        let now = store.now()
        let activity = Activity(organisationID: context.organisationID, kind: Activity.Kind(rawValue: input.kind!)!, subject: "", at: now)
        if activity.kind == Activity.Kind.note.rawValue && input.status == nil { activity.status = Activity.Status.completed.rawValue }
        Self.apply(input, to: activity, at: now)
        try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: activity, creating: true, by: context)
        return try await store.write { database in
            try await activity.create(on: database)
            try await SalesRecords.recordChange(activity, action: .create, before: nil, by: context, at: now, on: database)
            return activity
        }
    }

    public func update(_ id: UUID, _ input: ActivityInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Activity {
        try context.require(.activities, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        try await validateReferences(input, into: &validator, in: context)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let activity = try await SalesRecords.lockForUpdate(Activity.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = activity.auditSnapshot
            Self.apply(input, to: activity, at: now)
            if let start = activity.startAt, let end = activity.endAt, end < start {
                throw ValidationFailure([FieldError(field: "end_at", code: .outOfRange)])
            }
            try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: activity, creating: false, by: context)
            try await activity.update(on: database)
            try await SalesRecords.recordChange(activity, action: .update, before: before, by: context, at: now, on: database)
            return activity
        }
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(Activity.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    public func restore(_ id: UUID, by context: RequestContext) async throws -> Activity {
        try await SalesRecords.restore(Activity.self, id, by: context, at: store.now(), store: store)
    }

    static func apply(_ input: ActivityInput, to activity: Activity, at now: Date) {
        let provided = input.provided
        if let kind = input.kind { activity.kind = kind }
        if provided.contains("subject"), let subject = input.subject { activity.subject = subject.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("body") { activity.body = PartyInput.trimmed(input.body) }
        if provided.contains("priority"), let priority = input.priority { activity.priority = priority }
        if provided.contains("direction") { activity.direction = input.direction }
        if provided.contains("due_at") { activity.dueAt = input.dueAt }
        if provided.contains("start_at") { activity.startAt = input.startAt }
        if provided.contains("end_at") { activity.endAt = input.endAt }
        if provided.contains("remind_at") { activity.remindAt = input.remindAt }
        if provided.contains("regarding") {
            activity.regardingType = input.regarding?.type
            activity.regardingID = input.regarding?.id
        }
        if let participants = input.participants {
            activity.participants = participants.compactMap { participant in
                guard let type = participant.type.flatMap(ActivityParticipant.ParticipantType.init(rawValue:)), let id = participant.id
                else { return nil }
                return ActivityParticipant(type: type, id: id)
            }
        }
        if provided.contains("status"), let status = input.status, status != activity.status {
            activity.status = status
            activity.completedAt = status == Activity.Status.completed.rawValue ? now : nil
        }
        activity.timelineAt = activity.startAt ?? activity.dueAt ?? activity.createdAt ?? now
        activity.searchText = SearchText.document([activity.subject, activity.body])
    }

    private func validateReferences(_ input: ActivityInput, into validator: inout FieldValidator, in context: RequestContext) async throws {
        let database = store.database
        try await RecordOwnership.validate(userID: input.ownerUserID, teamID: input.ownerTeamID, into: &validator, in: context, on: database)
        if let regarding = input.regarding, let type = regarding.type.flatMap(RegardingType.init(rawValue:)), let id = regarding.id {
            let readable: Bool
            switch type {
            case .account: readable = try await Self.readable(Account.self, id, in: context, on: database)
            case .contact: readable = try await Self.readable(Contact.self, id, in: context, on: database)
            case .lead: readable = try await Self.readable(Lead.self, id, in: context, on: database)
            case .opportunity: readable = try await Self.readable(Opportunity.self, id, in: context, on: database)
            }
            if !readable { validator.add("regarding.id", .referencedRecordMissing) }
        }
        for (index, participant) in (input.participants ?? []).enumerated() {
            guard let type = participant.type.flatMap(ActivityParticipant.ParticipantType.init(rawValue:)), let id = participant.id else { continue }
            let exists = switch type {
            case .user: try await User.query(on: database).scoped(to: context).filter(\.$id == id).count() > 0
            case .contact: try await Self.readable(Contact.self, id, in: context, on: database)
            }
            if !exists { validator.add("participants.\(index).id", .referencedRecordMissing) }
        }
    }

    private static func readable<Record: SalesRecord>(_ type: Record.Type, _ id: UUID, in context: RequestContext,
                                                       on database: any Database) async throws -> Bool {
        guard context.permissions.scope(for: Record.permissionModule, .read) != nil else { return false }
        return try await Record.query(on: database).scoped(to: context, for: .read).filter(\._$id == id).count() > 0
    }
}
