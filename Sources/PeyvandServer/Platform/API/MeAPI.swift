import PeyvandCore
import Vapor

/// The acting user: who they are, what they may do; their own profile and password.
enum MeAPI {
    struct MeBody: Encodable {
        struct OrganisationBody: Encodable {
            var id: UUID
            var name: String
            var defaultLanguage: String
            var timeZone: String
            var currency: String
            var moneyUnit: String
            var fiscalYearStartMonth: Int
        }

        struct RoleBody: Encodable {
            var id: UUID
            var key: String?
            var name: String
        }

        var user: UserDTO
        var organisation: OrganisationBody
        var role: RoleBody
        var permissions: [String: [String: String]]
        var teamIds: [UUID]
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let user = try await UserService(store: request.store, hasher: request.application.peyvand.hasher).find(context.userID, in: context)
        guard let organisation = try await Organisation.find(context.organisationID, on: request.db),
              let role = try await Role.find(context.roleID, on: request.db)
        else { throw PlatformError.unauthenticated }
        let body = MeBody(
            user: UserDTO(user),
            organisation: .init(id: organisation.id!, name: organisation.name, defaultLanguage: organisation.defaultLanguage,
                                timeZone: organisation.timeZone, currency: organisation.currency, moneyUnit: organisation.moneyUnit,
                                fiscalYearStartMonth: organisation.fiscalYearStartMonth),
            role: .init(id: role.id!, key: role.key, name: role.name),
            permissions: PermissionDTO.encode(context.permissions),
            teamIds: context.teamIDs.sorted { $0.uuidString < $1.uuidString })
        return try jsonResponse(body, version: user.version)
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let changes = UserChanges(name: reader.string("name"), language: reader.string("language"), timeZone: reader.string("time_zone"))
        let user = try await UserService(store: request.store, hasher: request.application.peyvand.hasher)
            .update(context.userID, changes, expectedVersion: Versioning.expectedVersion(request), by: context,
                    readProblems: reader.validator)
        return try jsonResponse(UserDTO(user), version: user.version)
    }

    @Sendable static func changePassword(_ request: Request) async throws -> HTTPStatus {
        let context = try request.actor
        var reader = try FieldReader(request)
        let current = reader.string("current_password"), new = reader.string("new_password")
        var rules = FieldValidator()
        if current == nil { rules.add("current_password", .required) }
        if new == nil { rules.add("new_password", .required) }
        try reader.finish(adding: rules)
        try await UserService(store: request.store, hasher: request.application.peyvand.hasher)
            .changePassword(current: current!, new: new!, by: context)
        return .noContent
    }
}
