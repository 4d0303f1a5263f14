import FluentKit
import Foundation

/// The only writer of SLA policies. Everyone who may read cases may read them (a case shows its
/// level); administrators change them. A policy change applies to cases opened afterwards:
/// open cases keep the targets they were given, so a due time never jumps under an agent.
public struct SLAPolicyService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Every live policy, the default first, then by name.
    public func list(in context: RequestContext) async throws -> [SLAPolicy] {
        try context.require(.cases, .read)
        return try await SLAPolicy.query(on: store.database).scoped(to: context)
            .sort(\.$isDefault, .descending).sort(\.$nameKey).sort(\.$id).all()
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> SLAPolicy {
        try context.require(.cases, .read)
        guard let policy = try await SLAPolicy.query(on: store.database).scoped(to: context).filter(\.$id == id).first()
        else { throw PlatformError.notFound(recordType: SLAPolicy.auditType) }
        return policy
    }

    public func create(_ input: SLAPolicyInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> SLAPolicy {
        try ServiceSettingsRecords.requireAdministrator(context)
        try await validate(input, creating: true, policyID: nil, readProblems: readProblems, in: context)
        let now = store.now()
        let policy = SLAPolicy(organisationID: context.organisationID, name: "")
        Self.apply(input, to: policy)
        return try await store.write { database in
            try await Self.keepOneDefault(policy, by: context, at: now, on: database)
            try await policy.create(on: database)
            try await ServiceSettingsRecords.recordChange(policy, action: .create, before: nil, by: context, at: now, on: database)
            return policy
        }
    }

    public func update(_ id: UUID, _ input: SLAPolicyInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> SLAPolicy {
        try ServiceSettingsRecords.requireAdministrator(context)
        _ = try await find(id, in: context)
        try await validate(input, creating: false, policyID: id, readProblems: readProblems, in: context)
        let now = store.now()
        return try await store.write { database in
            let policy = try await ServiceSettingsRecords.lock(SLAPolicy.self, id, expected: expectedVersion, in: context, on: database)
            let before = policy.auditSnapshot
            Self.apply(input, to: policy)
            try await Self.keepOneDefault(policy, by: context, at: now, on: database)
            try await policy.update(on: database)
            try await ServiceSettingsRecords.recordChange(policy, action: .update, before: before, by: context, at: now, on: database)
            return policy
        }
    }

    /// Soft-deletes the policy. Cases and contracts keep pointing at it, so their clocks still read
    /// the targets they were given; new cases under such a contract get the default level.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try ServiceSettingsRecords.requireAdministrator(context)
        _ = try await find(id, in: context)
        let now = store.now()
        try await store.write { database in
            let policy = try await ServiceSettingsRecords.lock(SLAPolicy.self, id, expected: expectedVersion, in: context, on: database)
            try await policy.delete(on: database)
            try await ServiceSettingsRecords.recordChange(policy, action: .delete, before: policy.auditSnapshot, by: context, at: now, on: database)
        }
    }

    /// A new default takes over from the old one, which is audited as changed too.
    private static func keepOneDefault(_ policy: SLAPolicy, by context: RequestContext, at now: Date, on database: any Database) async throws {
        guard policy.isDefault else { return }
        for other in try await SLAPolicy.query(on: database).scoped(to: context).filter(\.$isDefault == true).filter(\.$id != policy.id!).all() {
            let before = other.auditSnapshot
            other.isDefault = false
            other.version += 1
            try await other.update(on: database)
            try await ServiceSettingsRecords.recordChange(other, action: .update, before: before, by: context, at: now, on: database)
        }
    }

    private func validate(_ input: SLAPolicyInput, creating: Bool, policyID: UUID?, readProblems: FieldValidator,
                          in context: RequestContext) async throws {
        var validator = readProblems
        input.validate(creating: creating, into: &validator)
        let database = store.database
        if let queueID = input.escalationQueueID,
           try await ServiceQueue.query(on: database).scoped(to: context).filter(\.$id == queueID).count() == 0 {
            validator.add("escalation_queue_id", .referencedRecordMissing)
        }
        if let userID = input.escalationUserID,
           try await User.query(on: database).scoped(to: context).filter(\.$id == userID).filter(\.$isActive == true).count() == 0 {
            validator.add("escalation_user_id", .referencedRecordMissing)
        }
        try validator.check()
        if let name = input.name {
            var query = SLAPolicy.query(on: database).scoped(to: context).filter(\.$nameKey == PersianText.compacted(name))
            if let policyID { query = query.filter(\.$id != policyID) }
            if try await query.count() > 0 { throw PlatformError.nameTaken(field: "name") }
        }
    }

    private static func apply(_ input: SLAPolicyInput, to policy: SLAPolicy) {
        let provided = input.provided
        if let name = input.name {
            policy.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            policy.nameKey = PersianText.compacted(policy.name)
        }
        if let isDefault = input.isDefault { policy.isDefault = isDefault }
        if let targets = input.targets {
            let order = SupportCase.Priority.allCases.map(\.rawValue)
            policy.targets = targets.compactMap(\.valid).sorted { (order.firstIndex(of: $0.priority) ?? 0) < (order.firstIndex(of: $1.priority) ?? 0) }
        }
        if let minutes = input.warningMinutes { policy.warningMinutes = minutes }
        if provided.contains("escalation_queue_id") { policy.escalationQueueID = input.escalationQueueID }
        if provided.contains("escalation_user_id") { policy.escalationUserID = input.escalationUserID }
    }
}
