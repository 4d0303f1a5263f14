import PeyvandCore
import Vapor

/// `/cases/{id}/replies` (answer the customer by e-mail), `/cases/{id}/emails` (what the case has
/// sent and how delivery went) and `/cases/{id}/attachments` (files received with its mail).
enum CaseMailAPI {
    static func service(_ request: Request) -> CaseMailReplies { CaseMailReplies(store: request.store) }

    /// `POST /cases/{id}/replies` `{ "body" }`.
    @Sendable static func reply(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let body = reader.string("body")
        let caseID = try idParameter(request)
        let (comment, email) = try await service(request).reply(to: caseID, body: body, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(CaseReplyDTO(comment: CaseCommentDTO(comment), email: CaseEmailDTO(email)), status: .created,
                                location: "/api/v1/cases/\(caseID)/emails")
    }

    @Sendable static func emails(_ request: Request) async throws -> Response {
        let sent = try await service(request).sent(for: try idParameter(request), in: try request.actor)
        return try jsonResponse(UnpagedBody(data: sent.map(CaseEmailDTO.init)))
    }

    @Sendable static func attachments(_ request: Request) async throws -> Response {
        let files = try await service(request).attachments(of: try idParameter(request), in: try request.actor)
        return try jsonResponse(UnpagedBody(data: files.map(CaseAttachmentDTO.init)))
    }

    /// The file's bytes as received, always as a download (never rendered in the app's origin).
    @Sendable static func attachment(_ request: Request) async throws -> Response {
        guard let fileID = request.parameters.get("attachment_id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let file = try await service(request).attachment(fileID, of: try idParameter(request), in: try request.actor)
        var headers = HTTPHeaders()
        let claimed = file.contentType.filter { $0.isASCII && $0 != "\r" && $0 != "\n" }
        headers.replaceOrAdd(name: .contentType, value: claimed.contains("/") ? claimed : "application/octet-stream")
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: file.fileName))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: file.data))
    }
}

/// `Content-Disposition: attachment` with the name in ASCII and, for any other name, RFC 5987.
enum ContentDisposition {
    static func attachment(fileName: String) -> String {
        let ascii = String(fileName.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

struct CaseEmailDTO: Encodable {
    var id: UUID
    var status: String
    var to: String
    var subject: String
    var attempts: Int
    var lastError: String?
    var sentAt: Date?
    var createdAt: Date

    init(_ email: OutboundEmail) {
        (id, status, to, subject, attempts) = (email.id!, email.status, email.recipients, email.subject, email.attempts)
        (lastError, sentAt, createdAt) = (email.lastError, email.sentAt, email.createdAt)
    }
}

struct CaseReplyDTO: Encodable {
    var comment: CaseCommentDTO
    var email: CaseEmailDTO
}

struct CaseAttachmentDTO: Encodable {
    var id: UUID
    var fileName: String
    var contentType: String
    var size: Int
    var createdAt: Date

    init(_ file: CaseAttachment) {
        (id, fileName, contentType, size, createdAt) = (file.id!, file.fileName, file.contentType, file.size, file.createdAt)
    }
}
