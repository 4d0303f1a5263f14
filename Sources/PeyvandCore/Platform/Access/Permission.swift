/// The business areas a role grants rights on. One case per area the API exposes, so a grant
/// always names something a user can see in the product.
public enum PermissionModule: String, Codable, CaseIterable, Sendable {
    case accounts, contacts, leads, opportunities, products, quotes, orders, invoices, activities
    case cases, knowledge, campaigns
    case marketingLists = "marketing_lists"
    case reports
    /// Users, teams, roles, organisation settings and the audit log.
    case administration
}

public enum PermissionAction: String, Codable, CaseIterable, Sendable {
    case read, create, update, delete, export, assign
}

/// How far a grant reaches, as Dynamics 365's business-unit levels: the records one owns, those
/// owned by one's teams or teammates, or every record of the organisation.
public enum PermissionScope: String, Codable, CaseIterable, Sendable, Comparable {
    case own, team, organisation

    private var rank: Int {
        switch self {
        case .own: 0
        case .team: 1
        case .organisation: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// What a role allows: for each module and action, the widest scope granted (absent = denied).
public struct PermissionSet: Codable, Sendable, Equatable {
    public private(set) var grants: [PermissionModule: [PermissionAction: PermissionScope]]

    public init(_ grants: [PermissionModule: [PermissionAction: PermissionScope]] = [:]) {
        self.grants = grants
    }

    public func scope(for module: PermissionModule, _ action: PermissionAction) -> PermissionScope? {
        grants[module]?[action]
    }

    public mutating func grant(_ module: PermissionModule, _ actions: [PermissionAction], _ scope: PermissionScope) {
        var moduleGrants = grants[module] ?? [:]
        for action in actions { moduleGrants[action] = scope }
        grants[module] = moduleGrants
    }

    /// Stable JSON for storage: `{"accounts":{"read":"organisation",…},…}`.
    public func encodedJSON() throws -> String {
        let raw = Dictionary(uniqueKeysWithValues: grants.map { module, actions in
            (module.rawValue, Dictionary(uniqueKeysWithValues: actions.map { ($0.key.rawValue, $0.value.rawValue) }))
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(raw), as: UTF8.self)
    }

    /// Reads stored JSON; unknown modules, actions or scopes are errors, never silently dropped.
    public static func decode(json: String) throws -> PermissionSet {
        let raw = try JSONDecoder().decode([String: [String: String]].self, from: Data(json.utf8))
        return try PermissionSet(raw: raw)
    }

    public init(raw: [String: [String: String]]) throws {
        var set = PermissionSet()
        for (moduleName, actions) in raw {
            guard let module = PermissionModule(rawValue: moduleName) else {
                throw ValidationFailure([FieldError(field: "permissions.\(moduleName)", code: .unknownValue)])
            }
            for (actionName, scopeName) in actions {
                guard let action = PermissionAction(rawValue: actionName) else {
                    throw ValidationFailure([FieldError(field: "permissions.\(moduleName).\(actionName)", code: .unknownValue)])
                }
                guard let scope = PermissionScope(rawValue: scopeName) else {
                    throw ValidationFailure([FieldError(field: "permissions.\(moduleName).\(actionName)", code: .unknownValue)])
                }
                set.grant(module, [action], scope)
            }
        }
        self = set
    }
}

import Foundation
