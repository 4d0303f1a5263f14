import FluentKit
import Foundation

/// A record that can be matched for duplicates: by phone and email keys (`contact_points`) and
/// by its normalised name.
public protocol DuplicateMatchable: OwnedRecord, Auditable {
    static var nameKeyField: KeyPath<Self, FieldProperty<Self, String>> { get }
    var displayName: String { get }
}

/// Finds existing records that a new or changed one would duplicate.
enum DuplicateFinder {
    static let maximumCandidates = 10

    /// `sameName` narrows the name match (e.g. contacts: same name *and* same account).
    static func find<Record: DuplicateMatchable>(
        _ type: Record.Type, phoneKeys: [String], emailKeys: [String], nameKey: String?,
        sameName: (@Sendable (QueryBuilder<Record>) -> QueryBuilder<Record>)? = nil,
        excluding excludedID: UUID?, in context: RequestContext, on database: any Database
    ) async throws -> (visible: [DuplicateCandidate], hidden: Int) {
        var reasons: [UUID: Set<DuplicateCandidate.Reason>] = [:]
        if !phoneKeys.isEmpty || !emailKeys.isEmpty {
            let points = try await ContactPoint.query(on: database).scoped(to: context)
                .filter(\.$recordType == Record.auditType)
                .group(.or) { either in
                    if !phoneKeys.isEmpty {
                        either.group(.and) { $0.filter(\.$kind == ContactPoint.Kind.phone.rawValue).filter(\.$key ~~ phoneKeys) }
                    }
                    if !emailKeys.isEmpty {
                        either.group(.and) { $0.filter(\.$kind == ContactPoint.Kind.email.rawValue).filter(\.$key ~~ emailKeys) }
                    }
                }
                .limit(maximumCandidates * 4).all()
            for point in points where point.recordID != excludedID {
                reasons[point.recordID, default: []].insert(point.kind == ContactPoint.Kind.phone.rawValue ? .phone : .email)
            }
        }
        if let nameKey, !nameKey.isEmpty {
            var query = Record.query(on: database).scoped(to: context).filter(Record.nameKeyField == nameKey)
            if let sameName { query = sameName(query) }
            for record in try await query.limit(maximumCandidates).all() where record.id != excludedID {
                reasons[record.id!, default: []].insert(.name)
            }
        }
        guard !reasons.isEmpty else { return ([], 0) }
        // Soft-deleted records drop out here: only live records count as duplicates.
        let records = try await Record.query(on: database).scoped(to: context).filter(\._$id ~~ Array(reasons.keys)).all()
        var visible: [DuplicateCandidate] = [], hidden = 0
        for record in records.sorted(by: { $0.id!.uuidString < $1.id!.uuidString }) {
            guard record.permits(.read, by: context) else { hidden += 1; continue }
            let matched = DuplicateCandidate.Reason.allCases.filter { reasons[record.id!]!.contains($0) }
            visible.append(DuplicateCandidate(recordType: Record.auditType, id: record.id!, displayName: record.displayName, matchedOn: matched))
        }
        return (Array(visible.prefix(maximumCandidates)), hidden)
    }

    /// Throws `duplicates` when anything matched.
    static func refuseDuplicates<Record: DuplicateMatchable>(
        _ type: Record.Type, phoneKeys: [String], emailKeys: [String], nameKey: String?,
        sameName: (@Sendable (QueryBuilder<Record>) -> QueryBuilder<Record>)? = nil,
        excluding excludedID: UUID?, in context: RequestContext, on database: any Database
    ) async throws {
        let found = try await find(type, phoneKeys: phoneKeys, emailKeys: emailKeys, nameKey: nameKey, sameName: sameName,
                                   excluding: excludedID, in: context, on: database)
        if !found.visible.isEmpty || found.hidden > 0 { throw SalesError.duplicates(found.visible, hidden: found.hidden) }
    }
}
