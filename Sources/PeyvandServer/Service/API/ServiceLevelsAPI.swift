import PeyvandCore
import Vapor

/// `/sla-policies` and `/contracts`: the service levels cases are measured against and what
/// each account bought.
enum SLAPoliciesAPI {
    static func service(_ request: Request) -> SLAPolicyService { SLAPolicyService(store: request.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let policies = try await service(request).list(in: try request.actor)
        return try jsonResponse(UnpagedBody(data: policies.map(SLAPolicyDTO.init)))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let policy = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(SLAPolicyDTO(policy), version: policy.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let policy = try await service(request).create(input, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(SLAPolicyDTO(policy), status: .created, version: policy.version, location: "/api/v1/sla-policies/\(policy.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let policy = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                       by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(SLAPolicyDTO(policy), version: policy.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    static func read(_ reader: inout FieldReader) -> SLAPolicyInput {
        SLAPolicyInput(
            provided: reader.providedKeys, name: reader.string("name"), isDefault: reader.bool("is_default"),
            targets: reader.nestedList("targets") {
                SLAPolicyInput.Target(priority: $0.string("priority"), firstResponseMinutes: $0.int("first_response_minutes"),
                                      resolutionMinutes: $0.int("resolution_minutes"))
            },
            warningMinutes: reader.int("warning_minutes"), escalationQueueID: reader.uuid("escalation_queue_id"),
            escalationUserID: reader.uuid("escalation_user_id"))
    }
}

enum ContractsAPI {
    static func service(_ request: Request) -> ContractService { ContractService(store: request.store) }

    /// `GET /contracts?account_id=`: the live contracts, latest ending first (at most 500).
    @Sendable static func list(_ request: Request) async throws -> Response {
        var accountID: UUID?
        if let raw = request.query[String.self, at: "account_id"] {
            guard let id = UUID(uuidString: raw) else { throw ValidationFailure([FieldError(field: "account_id", code: .invalidFormat)]) }
            accountID = id
        }
        let contracts = try await service(request).list(accountID: accountID, in: try request.actor)
        return try jsonResponse(UnpagedBody(data: contracts.map(ContractDTO.init)))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let standing = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(ContractDTO(standing), version: standing.contract.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let standing = try await service(request).create(input, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(ContractDTO(standing), status: .created, version: standing.contract.version,
                                location: "/api/v1/contracts/\(standing.contract.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let standing = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                         by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(ContractDTO(standing), version: standing.contract.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    static func read(_ reader: inout FieldReader) -> ContractInput {
        ContractInput(
            provided: reader.providedKeys, name: reader.string("name"), accountID: reader.uuid("account_id"),
            startsOn: reader.string("starts_on"), endsOn: reader.string("ends_on"), slaPolicyID: reader.uuid("sla_policy_id"),
            entitlementUnit: reader.string("entitlement_unit"), entitlementTotal: reader.int("entitlement_total"), notes: reader.string("notes"))
    }
}

/// A whole collection in one response: `{ "data": [...], "next_cursor": null }`.
struct UnpagedBody<Item: Encodable>: Encodable {
    var data: [Item]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encodeNil(forKey: .nextCursor)  // explicit null, as API.md shows
    }

    enum CodingKeys: String, CodingKey {
        case data, nextCursor
    }
}
