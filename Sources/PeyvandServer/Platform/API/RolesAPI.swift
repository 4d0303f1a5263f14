import PeyvandCore
import Vapor

/// `/roles`: built-in roles (read-only) and the administrators' custom roles.
enum RolesAPI {
    static func service(_ request: Request) -> RoleService { RoleService(store: request.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await service(request).list(try pageRequest(request, newestFirst: false), in: try request.actor)
        return try jsonResponse(ListBody(page, RoleDTO.init))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let role = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(RoleDTO(role), version: role.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let name = reader.string("name")
        var rules = FieldValidator()
        rules.text(name, "name", required: true, max: 100)
        var permissions: PermissionSet?
        if let object = reader.object("permissions") { permissions = PermissionDTO.decode(object, into: &rules) }
        else if !reader.has("permissions") { rules.add("permissions", .required) }
        try reader.finish(adding: rules)
        let role = try await service(request).create(name: name, permissions: permissions, by: try request.actor)
        return try jsonResponse(try RoleDTO(role), status: .created, version: role.version, location: "/api/v1/roles/\(role.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let name = reader.string("name")
        var rules = FieldValidator()
        rules.text(name, "name", required: false, max: 100)
        let permissions = reader.object("permissions").map { PermissionDTO.decode($0, into: &rules) }
        try reader.finish(adding: rules)
        let role = try await service(request).update(try idParameter(request), name: name, permissions: permissions,
                                                     expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return try jsonResponse(try RoleDTO(role), version: role.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), by: try request.actor)
        return .noContent
    }
}
