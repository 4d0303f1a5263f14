import FluentKit
import Foundation

/// The only writer of queues. Everyone who may read cases may read queues (pickers and lists
/// need them); only administrators change them.
public struct QueueService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Every live queue of the organisation in routing order.
    public func list(in context: RequestContext) async throws -> [ServiceQueue] {
        try context.require(.cases, .read)
        return try await ServiceQueue.query(on: store.database).scoped(to: context).sort(\.$position).sort(\.$id).all()
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> ServiceQueue {
        try context.require(.cases, .read)
        guard let queue = try await ServiceQueue.query(on: store.database).scoped(to: context).filter(\.$id == id).first()
        else { throw PlatformError.notFound(recordType: ServiceQueue.auditType) }
        return queue
    }

    public func create(_ input: QueueInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> ServiceQueue {
        try ServiceSettingsRecords.requireAdministrator(context)
        try await validate(input, creating: true, queueID: nil, readProblems: readProblems, in: context)
        let now = store.now()
        let queue = ServiceQueue(organisationID: context.organisationID, name: "")
        Self.apply(input, to: queue)
        return try await store.write { database in
            try await queue.create(on: database)
            try await ServiceSettingsRecords.recordChange(queue, action: .create, before: nil, by: context, at: now, on: database)
            return queue
        }
    }

    public func update(_ id: UUID, _ input: QueueInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> ServiceQueue {
        try ServiceSettingsRecords.requireAdministrator(context)
        _ = try await find(id, in: context)
        try await validate(input, creating: false, queueID: id, readProblems: readProblems, in: context)
        let now = store.now()
        return try await store.write { database in
            let queue = try await ServiceSettingsRecords.lock(ServiceQueue.self, id, expected: expectedVersion, in: context, on: database)
            let before = queue.auditSnapshot
            Self.apply(input, to: queue)
            try await queue.update(on: database)
            try await ServiceSettingsRecords.recordChange(queue, action: .update, before: before, by: context, at: now, on: database)
            return queue
        }
    }

    /// Soft-deletes the queue: it routes nothing more; its cases keep their owner and queue.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try ServiceSettingsRecords.requireAdministrator(context)
        _ = try await find(id, in: context)
        let now = store.now()
        try await store.write { database in
            let queue = try await ServiceSettingsRecords.lock(ServiceQueue.self, id, expected: expectedVersion, in: context, on: database)
            try await queue.delete(on: database)
            try await ServiceSettingsRecords.recordChange(queue, action: .delete, before: queue.auditSnapshot, by: context, at: now, on: database)
        }
    }

    private func validate(_ input: QueueInput, creating: Bool, queueID: UUID?, readProblems: FieldValidator,
                          in context: RequestContext) async throws {
        var validator = readProblems
        input.validate(creating: creating, into: &validator)
        let database = store.database
        for (index, member) in (input.memberIDs ?? []).enumerated() {
            if try await User.query(on: database).scoped(to: context).filter(\.$id == member).count() == 0 {
                validator.add("member_ids.\(index)", .referencedRecordMissing)
            }
        }
        for (index, rule) in (input.rules ?? []).enumerated() {
            if let productID = rule.productID, try await Product.query(on: database).scoped(to: context).filter(\.$id == productID).count() == 0 {
                validator.add("rules.\(index).product_id", .referencedRecordMissing)
            }
        }
        try validator.check()
        if let name = input.name {
            var query = ServiceQueue.query(on: database).scoped(to: context).filter(\.$nameKey == PersianText.compacted(name))
            if let queueID { query = query.filter(\.$id != queueID) }
            if try await query.count() > 0 { throw PlatformError.nameTaken(field: "name") }
        }
    }

    private static func apply(_ input: QueueInput, to queue: ServiceQueue) {
        if let name = input.name {
            queue.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            queue.nameKey = PersianText.compacted(queue.name)
        }
        if let position = input.position { queue.position = position }
        if let mode = input.assignmentMode { queue.assignmentMode = mode }
        if let members = input.memberIDs {
            var seen = Set<UUID>()
            queue.memberIDs = members.filter { seen.insert($0).inserted }
        }
        if let rules = input.rules {
            queue.rules = rules.map {
                QueueRule(type: $0.type, category: PartyInput.trimmed($0.category), productID: $0.productID, language: $0.language, channel: $0.channel)
            }
        }
    }
}
