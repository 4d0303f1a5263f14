import PeyvandCore
import Vapor

/// `/leads`: possible customers, and their conversion.
enum LeadsAPI {
    static func service(_ request: Request) -> LeadService { LeadService(store: request.store) }

    static let filters = [
        ListParameter("status", .oneOf(Lead.Status.allCases.map(\.rawValue))),
        ListParameter("source", .oneOf(Lead.Source.allCases.map(\.rawValue))),
        ListParameter("campaign_id", .uuid),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).list(try SalesRequests.listRequest(request, LeadService.list, filters: filters), in: context)
        return try jsonResponse(ListBody(page) { LeadDTO($0, language: context.language) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let lead = try await service(request).find(try idParameter(request), in: context)
        return try jsonResponse(LeadDTO(lead, language: context.language), version: lead.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let lead = try await service(request).create(input, allowDuplicate: try SalesRequests.allowsDuplicate(request), by: context,
                                                     readProblems: reader.validator)
        return try jsonResponse(LeadDTO(lead, language: context.language), status: .created, version: lead.version,
                                location: "/api/v1/leads/\(lead.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let lead = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                     allowDuplicate: try SalesRequests.allowsDuplicate(request), by: context,
                                                     readProblems: reader.validator)
        return try jsonResponse(LeadDTO(lead, language: context.language), version: lead.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let context = try request.actor
        let lead = try await service(request).restore(try idParameter(request), by: context)
        return try jsonResponse(LeadDTO(lead, language: context.language), version: lead.version)
    }

    /// `POST /leads/{id}/convert` `{ account_id?, contact_id?, create_account?, allow_duplicate?, opportunity? }`
    /// (`allow_duplicate` also as a query parameter, as on create).
    @Sendable static func convert(_ request: Request) async throws -> Response {
        let context = try request.actor
        let allowedByQuery = try SalesRequests.allowsDuplicate(request)
        var reader = try FieldReader(request)
        let conversion = LeadConversion(accountID: reader.uuid("account_id"), contactID: reader.uuid("contact_id"),
                                        createAccount: reader.bool("create_account") ?? true,
                                        allowDuplicate: reader.bool("allow_duplicate") ?? allowedByQuery,
                                        opportunity: reader.nested("opportunity", readOpportunity))
        let result = try await service(request).convert(try idParameter(request), conversion, by: context, readProblems: reader.validator)
        return try jsonResponse(LeadConversionDTO(result, language: context.language), version: result.lead.version)
    }

    /// The opportunity a conversion opens: `{ name, amount?, pipeline_id?, stage_id?, expected_close_date?,
    /// description?, tags? }` as on `POST /opportunities`; its account and contact are the conversion's.
    static func readOpportunity(_ reader: inout FieldReader) -> OpportunityInput {
        var provided = reader.providedKeys
        let amount = OpportunitiesAPI.readAmount(&reader, provided: &provided)
        return OpportunityInput(
            provided: provided, name: reader.string("name"), pipelineID: reader.uuid("pipeline_id"), stageID: reader.uuid("stage_id"),
            amountMinor: amount?.amountMinor, currency: amount?.currency, expectedCloseDate: reader.string("expected_close_date"),
            description: reader.string("description"), tags: reader.strings("tags"))
    }

    static func read(_ reader: inout FieldReader) -> LeadInput {
        LeadInput(
            provided: reader.providedKeys, firstName: reader.string("first_name"), lastName: reader.string("last_name"),
            company: reader.string("company"), jobTitle: reader.string("job_title"), source: reader.string("source"),
            campaignID: reader.uuid("campaign_id"), status: reader.string("status"),
            disqualifiedReason: reader.string("disqualified_reason"), score: reader.int("score"),
            description: reader.string("description"), ownerUserID: reader.uuid("owner_id"), ownerTeamID: reader.uuid("owner_team_id"),
            party: PartyInput.read(from: &reader))
    }
}
