import FluentKit
import PeyvandCore
import Vapor

/// `GET /jobs/{id}`: a background job's state. Administrators see every job of their
/// organisation; others see the jobs of their own imports.
enum JobsAPI {
    struct JobDTO: Encodable {
        var id: UUID
        var kind: String
        var status: String
        var attempts: Int
        var maxAttempts: Int
        var lastError: String?
        var importId: UUID?
        var createdAt: Date
        var finishedAt: Date?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let id = try idParameter(request)
        guard let job = try await Job.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw PlatformError.notFound(recordType: "job") }
        let owningImport = try await DataImport.query(on: request.db).scoped(to: context).filter(\.$jobID == id).first()
        guard context.isAdministrator || owningImport?.userID == context.userID else { throw PlatformError.notFound(recordType: "job") }
        return try jsonResponse(JobDTO(id: id, kind: job.kind, status: job.status, attempts: job.attempts, maxAttempts: job.maxAttempts,
                                       lastError: context.isAdministrator ? job.lastError : nil, importId: owningImport?.id,
                                       createdAt: job.createdAt, finishedAt: job.finishedAt))
    }
}
