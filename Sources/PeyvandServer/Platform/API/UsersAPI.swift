import PeyvandCore
import Vapor

/// `/users`: the organisation's staff directory (read: everyone; write: administrators).
enum UsersAPI {
    static func service(_ request: Request) -> UserService {
        UserService(store: request.store, hasher: request.application.peyvand.hasher)
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await service(request).list(try pageRequest(request), in: try request.actor)
        return try jsonResponse(ListBody(page, UserDTO.init))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let user = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(UserDTO(user), version: user.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = NewUser(email: reader.string("email"), name: reader.string("name"), password: reader.string("password"),
                            roleID: reader.uuid("role_id"), language: reader.string("language"))
        let user = try await service(request).create(input, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(UserDTO(user), status: .created, version: user.version, location: "/api/v1/users/\(user.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let changes = UserChanges(name: reader.string("name"), roleID: reader.uuid("role_id"), language: reader.string("language"),
                                  timeZone: reader.string("time_zone"), isActive: reader.bool("is_active"))
        let user = try await service(request).update(try idParameter(request), changes, expectedVersion: Versioning.expectedVersion(request),
                                                     by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(UserDTO(user), version: user.version)
    }
}
