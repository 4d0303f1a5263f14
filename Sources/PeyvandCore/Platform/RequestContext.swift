import Foundation

/// Who is acting: every service call takes one, and every query it makes is scoped by it.
public struct RequestContext: Sendable {
    public let organisationID: UUID
    public let userID: UUID
    public let roleID: UUID
    public let roleKey: String?
    public let permissions: PermissionSet
    /// Teams the user belongs to.
    public let teamIDs: Set<UUID>
    /// Members of those teams, the user included: the reach of a `team` scope.
    public let teammateIDs: Set<UUID>
    public let language: Language
    /// The user's own time zone: where "today" and the times on pages are reckoned.
    public let timeZone: TimeZone
    /// The user's display name, for page headers and messages.
    public let userName: String
    public let requestID: String?

    public init(
        organisationID: UUID, userID: UUID, roleID: UUID, roleKey: String?, permissions: PermissionSet,
        teamIDs: Set<UUID>, teammateIDs: Set<UUID>, language: Language = .default,
        timeZone: TimeZone = JalaliDate.tehranTimeZone, userName: String = "", requestID: String? = nil
    ) {
        self.organisationID = organisationID
        self.userID = userID
        self.roleID = roleID
        self.roleKey = roleKey
        self.permissions = permissions
        self.teamIDs = teamIDs
        self.teammateIDs = teammateIDs.union([userID])
        self.language = language
        self.timeZone = timeZone
        self.userName = userName
        self.requestID = requestID
    }

    public var isAdministrator: Bool {
        permissions.scope(for: .administration, .update) == .organisation
    }

    /// The scope granted, or `forbidden` when the role has none.
    @discardableResult
    public func require(_ module: PermissionModule, _ action: PermissionAction) throws -> PermissionScope {
        guard let scope = permissions.scope(for: module, action) else {
            throw PlatformError.forbidden(module, action)
        }
        return scope
    }

    /// Whether a record owned by this user/team lies within `scope` for the actor.
    public func reaches(ownerUserID: UUID?, ownerTeamID: UUID?, within scope: PermissionScope) -> Bool {
        switch scope {
        case .organisation:
            return true
        case .team:
            if let ownerTeamID, teamIDs.contains(ownerTeamID) { return true }
            if let ownerUserID, teammateIDs.contains(ownerUserID) { return true }
            return false
        case .own:
            return ownerUserID == userID
        }
    }

    /// Whether the actor may perform `action` on a record with this ownership.
    public func may(_ action: PermissionAction, on module: PermissionModule, ownerUserID: UUID?, ownerTeamID: UUID?) -> Bool {
        guard let scope = permissions.scope(for: module, action) else { return false }
        return reaches(ownerUserID: ownerUserID, ownerTeamID: ownerTeamID, within: scope)
    }
}
