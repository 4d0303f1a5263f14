import FluentKit
import Foundation
import SQLKit

extension RequestContext {
    /// The context of an active user (role grants, teams, teammates), e.g. for a background job
    /// acting for the user who started it; `unauthenticated` for an unknown or inactive user.
    public static func load(userID: UUID, store: Store, language: Language?, requestID: String?) async throws -> RequestContext {
        guard let user = try await User.find(userID, on: store.database), user.isActive,
              let role = try await Role.find(user.roleID, on: store.database)
        else { throw PlatformError.unauthenticated }
        let rows = try await store.sql().raw("""
            SELECT team_id, user_id FROM team_memberships
            WHERE team_id IN (SELECT team_id FROM team_memberships WHERE user_id = \(bind: userID))
            """).all()
        var teams = Set<UUID>(), teammates = Set<UUID>()
        for row in rows {
            teams.insert(try row.decode(column: "team_id", as: UUID.self))
            teammates.insert(try row.decode(column: "user_id", as: UUID.self))
        }
        return RequestContext(
            organisationID: user.organisationID, userID: userID, roleID: try role.requireID(), roleKey: role.key,
            permissions: try role.permissions(), teamIDs: teams, teammateIDs: teammates,
            language: language ?? Language(rawValue: user.language) ?? .default,
            timeZone: TimeZone(identifier: user.timeZone) ?? JalaliDate.tehranTimeZone, userName: user.name, requestID: requestID
        )
    }
}
