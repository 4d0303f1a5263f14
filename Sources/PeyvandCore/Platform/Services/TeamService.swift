import FluentKit
import Foundation

extension Team: Auditable {
    public static var auditType: String { "team" }
    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] { ["name": .init(name)] }
}

/// The only writer of teams and memberships. Everyone may read the directory; administrators
/// change it.
public struct TeamService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func list(_ request: PageRequest, in context: RequestContext) async throws -> Page<Team> {
        try await Team.query(on: store.database).scoped(to: context).page(request)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Team {
        guard let team = try await Team.query(on: store.database).scoped(to: context).filter(\.$id == id).first()
        else { throw PlatformError.notFound(recordType: Team.auditType) }
        return team
    }

    /// Member user ids of each team, in one query.
    public func memberIDs(of teams: [Team], in context: RequestContext) async throws -> [UUID: [UUID]] {
        let ids = teams.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let memberships = try await TeamMembership.query(on: store.database).scoped(to: context)
            .filter(\.$teamID ~~ ids).sort(\.$createdAt).all()
        return Dictionary(grouping: memberships, by: \.teamID).mapValues { $0.map(\.userID) }
    }

    public func create(name: String?, memberIDs: [UUID], by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Team {
        try context.require(.administration, .create)
        var validator = readProblems
        validator.text(name, "name", required: true)
        try await validateMembers(memberIDs, into: &validator, in: context)
        try validator.check()
        let team = Team(organisationID: context.organisationID, name: name!.trimmingCharacters(in: .whitespacesAndNewlines))
        let now = store.now()
        return try await store.write { database in
            try await Self.requireUniqueName(team.name, excluding: nil, in: context, on: database)
            try await team.create(on: database)
            for userID in Set(memberIDs) {
                try await TeamMembership(organisationID: context.organisationID, teamID: team.id!, userID: userID).create(on: database)
            }
            try await AuditTrail.record(.create, of: team, by: context, at: now, on: database)
            try await Outbox.append("team.created", recordType: Team.auditType, recordID: team.id!, payload: team.auditSnapshot,
                                    organisationID: context.organisationID, at: now, on: database)
            return team
        }
    }

    /// Renames a team and/or replaces its member list.
    public func update(_ id: UUID, name: String?, memberIDs: [UUID]?, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Team {
        try context.require(.administration, .update)
        var validator = readProblems
        validator.text(name, "name", required: false)
        if let memberIDs { try await validateMembers(memberIDs, into: &validator, in: context) }
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let version = try await VersionGuard.bump(Team.schema, id: id, organisationID: context.organisationID,
                                                      expected: expectedVersion, recordType: Team.auditType, on: database)
            guard let team = try await Team.query(on: database).scoped(to: context).filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: Team.auditType) }
            var before = team.auditSnapshot
            var after: [String: JSONValue] = [:]
            if let name {
                team.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
                try await Self.requireUniqueName(team.name, excluding: id, in: context, on: database)
            }
            if let memberIDs {
                let current = try await TeamMembership.query(on: database).filter(\.$teamID == id).all().map(\.userID)
                before["member_ids"] = .array(current.map { JSONValue($0) }.sorted { "\($0)" < "\($1)" })
                try await TeamMembership.query(on: database).filter(\.$teamID == id).delete()
                for userID in Set(memberIDs) {
                    try await TeamMembership(organisationID: context.organisationID, teamID: id, userID: userID).create(on: database)
                }
                after["member_ids"] = .array(Set(memberIDs).map { JSONValue($0) }.sorted { "\($0)" < "\($1)" })
            }
            team.version = version
            try await team.update(on: database)
            let changes = AuditTrail.diff(before: before, after: team.auditSnapshot.merging(after) { $1 })
            if !changes.isEmpty {
                try await AuditEntry(organisationID: context.organisationID, actorUserID: context.userID, action: AuditAction.update.rawValue,
                                     recordType: Team.auditType, recordID: id, changesJSON: try JSONValue.encodeToString(changes),
                                     requestID: context.requestID, occurredAt: now).create(on: database)
            }
            return team
        }
    }

    /// Deletes a team and its memberships. Records it owned keep their user owners.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try context.require(.administration, .delete)
        let now = store.now()
        try await store.write { database in
            _ = try await VersionGuard.bump(Team.schema, id: id, organisationID: context.organisationID,
                                            expected: expectedVersion, recordType: Team.auditType, on: database)
            guard let team = try await Team.query(on: database).scoped(to: context).filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: Team.auditType) }
            let before = team.auditSnapshot
            try await team.delete(on: database)
            try await AuditTrail.record(.delete, of: team, before: before, by: context, at: now, on: database)
        }
    }

    private func validateMembers(_ memberIDs: [UUID], into validator: inout FieldValidator, in context: RequestContext) async throws {
        let unique = Array(Set(memberIDs))
        guard !unique.isEmpty else { return }
        let found = try await User.query(on: store.database).scoped(to: context).filter(\.$id ~~ unique).count()
        if found != unique.count { validator.add("member_ids", .referencedRecordMissing) }
    }

    private static func requireUniqueName(_ name: String, excluding id: UUID?, in context: RequestContext, on database: any Database) async throws {
        let query = Team.query(on: database).scoped(to: context).filter(\.$name == name)
        if let id { query.filter(\.$id != id) }
        if try await query.count() > 0 { throw PlatformError.nameTaken(field: "name") }
    }
}
