import FluentKit
import Foundation

extension Role: Auditable {
    public static var auditType: String { "role" }
    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        ["name": .init(name), "key": .init(key), "permissions": .init(permissionsJSON)]
    }
}

/// The only writer of roles. Built-in roles are read-only; administrators make custom ones.
public struct RoleService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func list(_ request: PageRequest, in context: RequestContext) async throws -> Page<Role> {
        try context.require(.administration, .read)
        return try await Role.query(on: store.database).scoped(to: context).page(request)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Role {
        try context.require(.administration, .read)
        guard let role = try await Role.query(on: store.database).scoped(to: context).filter(\.$id == id).first()
        else { throw PlatformError.notFound(recordType: Role.auditType) }
        return role
    }

    public func create(name: String?, permissions: PermissionSet?, by context: RequestContext) async throws -> Role {
        try context.require(.administration, .create)
        var validator = FieldValidator()
        validator.text(name, "name", required: true, max: 100)
        if permissions == nil { validator.add("permissions", .required) }
        try validator.check()
        let role = try Role(organisationID: context.organisationID, key: nil,
                            name: name!.trimmingCharacters(in: .whitespacesAndNewlines), permissions: permissions!)
        let now = store.now()
        return try await store.write { database in
            try await Self.requireUniqueName(role.name, excluding: nil, in: context, on: database)
            try await role.create(on: database)
            try await AuditTrail.record(.create, of: role, by: context, at: now, on: database)
            return role
        }
    }

    public func update(_ id: UUID, name: String?, permissions: PermissionSet?, expectedVersion: Int?, by context: RequestContext) async throws -> Role {
        try context.require(.administration, .update)
        var validator = FieldValidator()
        validator.text(name, "name", required: false, max: 100)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            guard let existing = try await Role.query(on: database).scoped(to: context).filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: Role.auditType) }
            if existing.builtIn != nil { throw PlatformError.builtInRoleImmutable }
            let version = try await VersionGuard.bump(Role.schema, id: id, organisationID: context.organisationID,
                                                      expected: expectedVersion, recordType: Role.auditType, on: database)
            let before = existing.auditSnapshot
            if let name {
                existing.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
                try await Self.requireUniqueName(existing.name, excluding: id, in: context, on: database)
            }
            if let permissions { existing.permissionsJSON = try permissions.encodedJSON() }
            existing.version = version
            try await existing.update(on: database)
            // Taking the last administrator's rights away would lock everyone out.
            if try await UserService.activeAdministratorCount(in: context.organisationID, on: database) == 0 {
                throw PlatformError.lastAdministrator
            }
            try await AuditTrail.record(.update, of: existing, before: before, by: context, at: now, on: database)
            return existing
        }
    }

    public func delete(_ id: UUID, by context: RequestContext) async throws {
        try context.require(.administration, .delete)
        let now = store.now()
        try await store.write { database in
            guard let role = try await Role.query(on: database).scoped(to: context).filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: Role.auditType) }
            if role.builtIn != nil { throw PlatformError.builtInRoleImmutable }
            if try await User.query(on: database).filter(\.$roleID == id).count() > 0 { throw PlatformError.roleInUse }
            let before = role.auditSnapshot
            try await role.delete(on: database)
            try await AuditTrail.record(.delete, of: role, before: before, by: context, at: now, on: database)
        }
    }

    private static func requireUniqueName(_ name: String, excluding id: UUID?, in context: RequestContext, on database: any Database) async throws {
        let query = Role.query(on: database).scoped(to: context).filter(\.$name == name)
        if let id { query.filter(\.$id != id) }
        if try await query.count() > 0 { throw PlatformError.nameTaken(field: "name") }
    }
}
