import FluentKit
import Foundation

/// A row that belongs to one organisation. Every query on it starts with `scoped(to:)`.
public protocol OrganisationScoped: Model where IDValue == UUID {
    static var organisationKey: KeyPath<Self, FieldProperty<Self, UUID>> { get }
}

/// A business record with an owner (a user or a team), reached through role scopes.
public protocol OwnedRecord: OrganisationScoped {
    static var permissionModule: PermissionModule { get }
    static var ownerUserKey: KeyPath<Self, OptionalFieldProperty<Self, UUID>> { get }
    static var ownerTeamKey: KeyPath<Self, OptionalFieldProperty<Self, UUID>> { get }
}

extension QueryBuilder where Model: OrganisationScoped {
    /// Limits the query to the acting organisation. Records of other organisations are invisible
    /// (and so answer "not found"), never "forbidden".
    public func scoped(to context: RequestContext) -> Self {
        filter(Model.organisationKey == context.organisationID)
    }
}

extension QueryBuilder where Model: OwnedRecord {
    /// Limits the query to the records the actor may perform `action` on; throws `forbidden`
    /// when the role grants no scope at all for it.
    public func scoped(to context: RequestContext, for action: PermissionAction) throws -> Self {
        let scope = try context.require(Model.permissionModule, action)
        let query = filter(Model.organisationKey == context.organisationID)
        switch scope {
        case .organisation:
            return query
        case .team:
            let teams = Array(context.teamIDs)
            let teammates = Array(context.teammateIDs)
            return query.group(.or) { either in
                either.filter(Model.ownerUserKey ~~ teammates)
                if !teams.isEmpty { either.filter(Model.ownerTeamKey ~~ teams) }
            }
        case .own:
            return query.filter(Model.ownerUserKey == context.userID)
        }
    }
}

extension OwnedRecord {
    /// Whether the actor may perform `action` on this loaded record.
    public func permits(_ action: PermissionAction, by context: RequestContext) -> Bool {
        self[keyPath: Self.organisationKey].value == context.organisationID
            && context.may(action, on: Self.permissionModule,
                           ownerUserID: self[keyPath: Self.ownerUserKey].value ?? nil,
                           ownerTeamID: self[keyPath: Self.ownerTeamKey].value ?? nil)
    }
}
