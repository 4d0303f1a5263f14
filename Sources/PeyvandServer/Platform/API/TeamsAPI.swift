import PeyvandCore
import Vapor

/// `/teams`: groups of users that own records together.
enum TeamsAPI {
    static func service(_ request: Request) -> TeamService { TeamService(store: request.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).list(try pageRequest(request), in: context)
        let members = try await service(request).memberIDs(of: page.items, in: context)
        return try jsonResponse(ListBody(page) { TeamDTO($0, memberIDs: members[$0.id!] ?? []) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let team = try await service(request).find(try idParameter(request), in: context)
        let members = try await service(request).memberIDs(of: [team], in: context)
        return try jsonResponse(TeamDTO(team, memberIDs: members[team.id!] ?? []), version: team.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let name = reader.string("name"), memberIDs = reader.uuids("member_ids")
        let team = try await service(request).create(name: name, memberIDs: memberIDs ?? [], by: try request.actor,
                                                     readProblems: reader.validator)
        return try jsonResponse(TeamDTO(team, memberIDs: Array(Set(memberIDs ?? [])).sorted { $0.uuidString < $1.uuidString }),
                                status: .created, version: team.version, location: "/api/v1/teams/\(team.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let name = reader.string("name"), memberIDs = reader.uuids("member_ids")
        let team = try await service(request).update(try idParameter(request), name: name, memberIDs: memberIDs,
                                                     expectedVersion: Versioning.expectedVersion(request), by: context,
                                                     readProblems: reader.validator)
        let members = try await service(request).memberIDs(of: [team], in: context)
        return try jsonResponse(TeamDTO(team, memberIDs: members[team.id!] ?? []), version: team.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }
}
