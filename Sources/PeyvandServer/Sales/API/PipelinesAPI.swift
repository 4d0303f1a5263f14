import PeyvandCore
import Vapor

/// `/pipelines`: sales cycles and their stages (read: whoever reads opportunities; write: administrators).
enum PipelinesAPI {
    static func service(_ request: Request) -> PipelineService { PipelineService(store: request.store) }

    struct ListBody: Encodable {
        var data: [PipelineDTO]
        var nextCursor: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(data, forKey: .data)
            try container.encode(nextCursor, forKey: .nextCursor)
        }

        enum CodingKeys: String, CodingKey { case data, nextCursor }
    }

    /// Every pipeline at once (an organisation has a handful), in the list envelope.
    @Sendable static func list(_ request: Request) async throws -> Response {
        let pipelines = try await service(request).list(in: try request.actor)
        return try jsonResponse(ListBody(data: pipelines.map { PipelineDTO($0.0, stages: $0.1) }, nextCursor: nil))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let (pipeline, stages) = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(PipelineDTO(pipeline, stages: stages), version: pipeline.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let name = reader.string("name"), productLine = reader.string("product_line"), stages = readStages(&reader)
        let (pipeline, created) = try await service(request).create(name: name, productLine: productLine, stages: stages,
                                                                    by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(PipelineDTO(pipeline, stages: created), status: .created, version: pipeline.version,
                                location: "/api/v1/pipelines/\(pipeline.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let name = reader.string("name")
        let productLine: String?? = reader.has("product_line") ? .some(reader.string("product_line")) : .none
        let isActive = reader.bool("is_active"), stages = readStages(&reader)
        let (pipeline, result) = try await service(request).update(
            try idParameter(request), name: name, productLine: productLine, isActive: isActive, stages: stages,
            expectedVersion: Versioning.expectedVersion(request), by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(PipelineDTO(pipeline, stages: result), version: pipeline.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    private static func readStages(_ reader: inout FieldReader) -> [StageInput]? {
        reader.nestedList("stages") {
            StageInput(id: $0.uuid("id"), name: $0.string("name"), probability: $0.int("probability"), outcome: $0.string("outcome"))
        }
    }
}
