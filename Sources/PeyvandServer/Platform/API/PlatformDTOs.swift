import Foundation
import PeyvandCore

/// API shapes of platform records (the API is not the table).
struct UserDTO: Encodable {
    var id: UUID
    var email: String
    var name: String
    var roleId: UUID
    var language: String
    var timeZone: String
    var isActive: Bool
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ user: User) {
        (id, email, name, roleId) = (user.id!, user.email, user.name, user.roleID)
        (language, timeZone, isActive, version) = (user.language, user.timeZone, user.isActive, user.version)
        (createdAt, updatedAt) = (user.createdAt, user.updatedAt)
    }
}

struct TeamDTO: Encodable {
    var id: UUID
    var name: String
    var memberIds: [UUID]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ team: Team, memberIDs: [UUID]) {
        (id, name, self.memberIds, version, createdAt, updatedAt) = (team.id!, team.name, memberIDs, team.version, team.createdAt, team.updatedAt)
    }
}

struct RoleDTO: Encodable {
    var id: UUID
    var key: String?
    var name: String
    var builtIn: Bool
    var permissions: [String: [String: String]]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ role: Role) throws {
        (id, key, name, builtIn, version) = (role.id!, role.key, role.name, role.builtIn != nil, role.version)
        permissions = try PermissionDTO.encode(role.permissions())
        (createdAt, updatedAt) = (role.createdAt, role.updatedAt)
    }
}

enum PermissionDTO {
    static func encode(_ set: PermissionSet) -> [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: set.grants.map { module, actions in
            (module.rawValue, Dictionary(uniqueKeysWithValues: actions.map { ($0.key.rawValue, $0.value.rawValue) }))
        })
    }

    /// Reads `{"accounts": {"read": "organisation"}}`; every unknown module, action or scope is
    /// reported as a field error.
    static func decode(_ object: [String: JSONValue], into validator: inout FieldValidator) -> PermissionSet {
        var set = PermissionSet()
        for (moduleName, actions) in object {
            guard let module = PermissionModule(rawValue: moduleName) else {
                validator.add("permissions.\(moduleName)", .unknownValue)
                continue
            }
            guard case .object(let actions) = actions else {
                validator.add("permissions.\(moduleName)", .mustBeObject)
                continue
            }
            for (actionName, scopeValue) in actions {
                let field = "permissions.\(moduleName).\(actionName)"
                guard let action = PermissionAction(rawValue: actionName) else { validator.add(field, .unknownValue); continue }
                guard case .string(let scopeName) = scopeValue, let scope = PermissionScope(rawValue: scopeName) else {
                    validator.add(field, .unknownValue)
                    continue
                }
                set.grant(module, [action], scope)
            }
        }
        return set
    }
}

struct AuditEntryDTO: Encodable {
    var id: UUID
    var actorUserId: UUID?
    var action: String
    var recordType: String
    var recordId: UUID
    var changes: JSONValue
    var requestId: String?
    var occurredAt: Date

    init(_ entry: AuditEntry) {
        (id, actorUserId, action, recordType, recordId) = (entry.id!, entry.actorUserID, entry.action, entry.recordType, entry.recordID)
        changes = (try? JSONDecoder().decode(JSONValue.self, from: Data(entry.changesJSON.utf8))) ?? .object([:])
        (requestId, occurredAt) = (entry.requestID, entry.occurredAt)
    }
}
