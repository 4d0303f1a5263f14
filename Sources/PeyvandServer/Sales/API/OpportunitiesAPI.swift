import PeyvandCore
import Vapor

/// `/opportunities`: possible sales on pipelines, with their stage history.
enum OpportunitiesAPI {
    static func service(_ request: Request) -> OpportunityService { OpportunityService(store: request.store) }

    static let filters = [
        ListParameter("status", .oneOf(Opportunity.Status.allCases.map(\.rawValue))),
        ListParameter("pipeline_id", .uuid),
        ListParameter("stage_id", .uuid),
        ListParameter("account_id", .uuid),
        ListParameter("contact_id", .uuid),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).list(try SalesRequests.listRequest(request, OpportunityService.list, filters: filters), in: context)
        return try jsonResponse(ListBody(page) { OpportunityDTO($0) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let opportunity = try await service(request).find(try idParameter(request), in: context)
        let lines = try await service(request).lines(of: opportunity.id!, in: context)
        return try jsonResponse(OpportunityDTO(opportunity, lines: lines), version: opportunity.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let context = try request.actor
        let opportunity = try await service(request).create(input, by: context, readProblems: reader.validator)
        let lines = try await service(request).lines(of: opportunity.id!, in: context)
        return try jsonResponse(OpportunityDTO(opportunity, lines: lines), status: .created, version: opportunity.version,
                                location: "/api/v1/opportunities/\(opportunity.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let context = try request.actor
        let opportunity = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                            by: context, readProblems: reader.validator)
        let lines = try await service(request).lines(of: opportunity.id!, in: context)
        return try jsonResponse(OpportunityDTO(opportunity, lines: lines), version: opportunity.version)
    }

    /// `POST /opportunities/{id}/reopen` with `{ stage_id? }` or no body at all.
    @Sendable static func reopen(_ request: Request) async throws -> Response {
        var stageID: UUID?
        if (request.body.data?.readableBytes ?? 0) > 0 {
            var reader = try FieldReader(request)
            stageID = reader.uuid("stage_id")
            try reader.finish()
        }
        let opportunity = try await service(request).reopen(try idParameter(request), stageID: stageID,
                                                            expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return try jsonResponse(OpportunityDTO(opportunity), version: opportunity.version)
    }

    @Sendable static func stageHistory(_ request: Request) async throws -> Response {
        let changes = try await service(request).stageHistory(of: try idParameter(request), in: try request.actor)
        return try jsonResponse(StageHistoryBody(data: changes.map(StageChangeDTO.init)))
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let opportunity = try await service(request).restore(try idParameter(request), by: try request.actor)
        return try jsonResponse(OpportunityDTO(opportunity), version: opportunity.version)
    }

    /// The whole history at once (one row per stage move), oldest first.
    struct StageHistoryBody: Encodable {
        var data: [StageChangeDTO]
    }

    /// `amount: { amount_minor, currency? }`, noted as provided when present.
    static func readAmount(_ reader: inout FieldReader, provided: inout Set<String>) -> (amountMinor: Int64?, currency: String?)? {
        let amount = reader.nested("amount") { (amountMinor: $0.int64("amount_minor"), currency: $0.string("currency")) }
        if amount != nil { provided.insert("amount") }
        return amount
    }

    static func read(_ reader: inout FieldReader) -> OpportunityInput {
        var provided = reader.providedKeys
        let amount = readAmount(&reader, provided: &provided)
        return OpportunityInput(
            provided: provided, name: reader.string("name"), accountID: reader.uuid("account_id"), contactID: reader.uuid("contact_id"),
            pipelineID: reader.uuid("pipeline_id"), stageID: reader.uuid("stage_id"), amountMinor: amount?.amountMinor,
            currency: amount?.currency, expectedCloseDate: reader.string("expected_close_date"), lostReason: reader.string("lost_reason"),
            competitors: reader.strings("competitors"), description: reader.string("description"), tags: reader.strings("tags"),
            ownerUserID: reader.uuid("owner_id"), ownerTeamID: reader.uuid("owner_team_id"), lines: DocumentsAPI.readLines(&reader))
    }
}
