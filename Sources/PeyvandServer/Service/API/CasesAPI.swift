import PeyvandCore
import Vapor

/// `/cases` (with `/resolve`, `/close`, `/reopen`, `/comments`, `/restore`) and `/queues`.
enum CasesAPI {
    static func service(_ request: Request) -> CaseService { CaseService(store: request.store) }

    /// The list filters as of `now` (`sla=overdue` compares due times with it).
    static func filters(at now: Date) -> [ListParameter] {
        baseFilters + [ListParameter("sla", .named(["overdue": .anyOf([
            [.isNull(column: "first_response_at", true), .atMost(column: "sla_first_response_due_at", value: now)],
            [.isNull(column: "resolved_at", true), .atMost(column: "sla_resolution_due_at", value: now)],
        ])]))]
    }

    private static let baseFilters = [
        ListParameter("status", .oneOf(SupportCase.Status.allCases.map(\.rawValue))),
        ListParameter("priority", .oneOf(SupportCase.Priority.allCases.map(\.rawValue))),
        ListParameter("type", .oneOf(SupportCase.CaseType.allCases.map(\.rawValue))),
        ListParameter("channel", .oneOf(SupportCase.Channel.allCases.map(\.rawValue))),
        ListParameter("queue_id", .uuid),
        ListParameter("account_id", .uuid),
        ListParameter("contact_id", .uuid),
        ListParameter("product_id", .uuid),
        ListParameter("category", .text),
        ListParameter("contract_id", .uuid),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await service(request).list(try SalesRequests.listRequest(request, CaseService.list, filters: filters(at: request.store.now())), in: try request.actor)
        return try jsonResponse(ListBody(page) { CaseDTO($0) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let actor = try request.actor
        let supportCase = try await service(request).find(try idParameter(request), in: actor)
        return try await respond(supportCase, request)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let supportCase = try await service(request).create(input, by: try request.actor, readProblems: reader.validator)
        return try await respond(supportCase, request, status: .created, location: "/api/v1/cases/\(supportCase.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let supportCase = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                            by: try request.actor, readProblems: reader.validator)
        return try await respond(supportCase, request)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let supportCase = try await service(request).restore(try idParameter(request), by: try request.actor)
        return try await respond(supportCase, request)
    }

    /// `POST /cases/{id}/resolve` `{ "resolution" }`.
    @Sendable static func resolve(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let resolution = reader.string("resolution")
        try reader.finish()
        let supportCase = try await service(request).resolve(try idParameter(request), resolution: resolution,
                                                             expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return try await respond(supportCase, request)
    }

    @Sendable static func close(_ request: Request) async throws -> Response {
        let supportCase = try await service(request).close(try idParameter(request), expectedVersion: Versioning.expectedVersion(request),
                                                           by: try request.actor)
        return try await respond(supportCase, request)
    }

    @Sendable static func reopen(_ request: Request) async throws -> Response {
        let supportCase = try await service(request).reopen(try idParameter(request), expectedVersion: Versioning.expectedVersion(request),
                                                            by: try request.actor)
        return try await respond(supportCase, request)
    }

    @Sendable static func comments(_ request: Request) async throws -> Response {
        let comments = try await service(request).comments(of: try idParameter(request), in: try request.actor)
        return try jsonResponse(CommentsBody(data: comments.map(CaseCommentDTO.init)))
    }

    /// `POST /cases/{id}/comments` `{ "body", "visibility": "public" | "internal" }` (internal by default).
    @Sendable static func addComment(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let body = reader.string("body"), visibility = reader.string("visibility")
        let caseID = try idParameter(request)
        let comment = try await service(request).comment(on: caseID, body: body, visibility: visibility, by: try request.actor,
                                                         readProblems: reader.validator)
        return try jsonResponse(CaseCommentDTO(comment), status: .created, location: "/api/v1/cases/\(caseID)/comments")
    }

    /// `GET /cases/{id}/similar`: up to five earlier cases like this one, the closest first.
    @Sendable static func similar(_ request: Request) async throws -> Response {
        let actor = try request.actor
        let supportCase = try await service(request).find(try idParameter(request), in: actor)
        let matches = try await CaseSimilarity(store: request.store).similar(to: supportCase, in: actor)
        return try jsonResponse(UnpagedBody(data: matches.map(SimilarCaseDTO.init)))
    }

    struct CommentsBody: Encodable {
        var data: [CaseCommentDTO]
    }

    private static func respond(_ supportCase: SupportCase, _ request: Request, status: HTTPStatus = .ok,
                                location: String? = nil) async throws -> Response {
        let actor = try request.actor
        let related = try await service(request).related(to: supportCase.id!, in: actor)
        let level = try await CaseServiceLevel.of(supportCase, in: actor, store: request.store)
        let satisfaction = try await CaseSatisfaction(store: request.store).latestAnswer(of: supportCase)
        return try jsonResponse(CaseDTO(supportCase, related: related, serviceLevel: level, satisfaction: satisfaction), status: status,
                                version: supportCase.version, location: location)
    }

    static func read(_ reader: inout FieldReader) -> CaseInput {
        CaseInput(
            provided: reader.providedKeys, title: reader.string("title"), description: reader.string("description"), type: reader.string("type"),
            channel: reader.string("channel"), priority: reader.string("priority"), status: reader.string("status"),
            resolution: reader.string("resolution"), accountID: reader.uuid("account_id"), contactID: reader.uuid("contact_id"),
            productID: reader.uuid("product_id"), productModel: reader.string("product_model"), serialNumber: reader.string("serial_number"),
            category: reader.string("category"), language: reader.string("language"), ownerUserID: reader.uuid("owner_id"),
            queueID: reader.uuid("queue_id"), relatedCaseIDs: reader.uuids("related_case_ids"), contractID: reader.uuid("contract_id"),
            timeSpentMinutes: reader.int("time_spent_minutes"))
    }
}

enum QueuesAPI {
    static func service(_ request: Request) -> QueueService { QueueService(store: request.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let queues = try await service(request).list(in: try request.actor)
        return try jsonResponse(UnpagedBody(data: queues.map(QueueDTO.init)))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let queue = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(QueueDTO(queue), version: queue.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let queue = try await service(request).create(input, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(QueueDTO(queue), status: .created, version: queue.version, location: "/api/v1/queues/\(queue.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let queue = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                      by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(QueueDTO(queue), version: queue.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    static func read(_ reader: inout FieldReader) -> QueueInput {
        QueueInput(
            provided: reader.providedKeys, name: reader.string("name"), position: reader.int("position"),
            assignmentMode: reader.string("assignment_mode"), memberIDs: reader.uuids("member_ids"),
            rules: reader.nestedList("rules") {
                QueueInput.Rule(type: $0.string("type"), category: $0.string("category"), productID: $0.uuid("product_id"),
                                language: $0.string("language"), channel: $0.string("channel"))
            })
    }
}
