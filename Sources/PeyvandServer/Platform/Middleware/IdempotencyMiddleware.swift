import Crypto
import FluentKit
import PeyvandCore
import Vapor

/// `Idempotency-Key` on POST: the same key and request within 24 hours replays the first
/// response and creates nothing new; the same key with a different request is refused.
/// Runs after authentication: keys are per user.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let retention: TimeInterval = 24 * 3600
    /// A pending claim older than this is taken to belong to a request that died.
    static let pendingTakeover: TimeInterval = 60
    static let replayedHeaders: [HTTPHeaders.Name] = [.contentType, .location, .eTag]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: "Idempotency-Key") else {
            return try await next.respond(to: request)
        }
        if let problem = Self.problem(withKey: key) {
            throw ValidationFailure([FieldError(field: "Idempotency-Key", code: problem)])
        }
        let context = try request.actor
        // The largest body any route takes (CSV imports); each route still enforces its own limit.
        let body = try await request.body.collect(max: ImportExportAPI.maximumFileSize.value).get()
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.url.path)?\(request.url.query ?? "")\n".utf8))
        if let body { hasher.update(data: Data(buffer: body)) }
        let requestHash = hasher.finalize().map { String(format: "%02x", $0) }.joined()

        let store = request.store
        let now = store.now()
        let claimed: IdempotencyRecord? = try await store.write { database in
            let existing = try await IdempotencyRecord.query(on: database).scoped(to: context)
                .filter(\.$userID == context.userID).filter(\.$key == key).first()
            if let existing {
                let isExpired = existing.createdAt < now.addingTimeInterval(-Self.retention)
                let isAbandoned = !existing.isComplete && existing.createdAt < now.addingTimeInterval(-Self.pendingTakeover)
                guard isExpired || isAbandoned else { return existing }
                try await existing.delete(on: database)
            }
            try await IdempotencyRecord(organisationID: context.organisationID, userID: context.userID, key: key,
                                        requestHash: requestHash, createdAt: now).create(on: database)
            return nil
        }
        if let claimed {
            guard claimed.requestHash == requestHash else {
                throw HTTPProblem(code: .idempotencyKeyReused, status: .unprocessableEntity,
                                  fieldErrors: [FieldError(field: "Idempotency-Key", code: .notUnique)])
            }
            guard let status = claimed.statusCode else {
                throw HTTPProblem(code: .idempotentRequestInProgress, status: .conflict)
            }
            return replay(claimed, status: status)
        }

        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // Nothing was created; release the key so a corrected request can use it.
            try await release(key: key, context: context, store: store)
            throw error
        }
        let responseBody = response.body.string ?? ""
        let headers = Dictionary(Self.replayedHeaders.compactMap { name in
            response.headers.first(name: name).map { (name.description, $0) }
        }, uniquingKeysWith: { first, _ in first })
        try await store.write { database in
            try await IdempotencyRecord.query(on: database).scoped(to: context)
                .filter(\.$userID == context.userID).filter(\.$key == key)
                .set(\.$statusCode, to: Int(response.status.code))
                .set(\.$responseHeadersJSON, to: try JSONValue.encodeToString(headers))
                .set(\.$responseBody, to: responseBody)
                .update()
        }
        return response
    }

    static func problem(withKey key: String) -> FieldErrorCode? {
        if key.trimmingCharacters(in: .whitespaces).isEmpty { return .required }
        if key.utf8.count > 255 { return .tooLong }
        if key.contains("\u{0}") { return .invalidCharacters }
        return nil
    }

    private func replay(_ record: IdempotencyRecord, status: Int) -> Response {
        var headers = HTTPHeaders()
        if let json = record.responseHeadersJSON,
           let stored = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8)) {
            for (name, value) in stored { headers.replaceOrAdd(name: name, value: value) }
        }
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(string: record.responseBody ?? ""))
    }

    private func release(key: String, context: RequestContext, store: Store) async throws {
        try await store.write { database in
            try await IdempotencyRecord.query(on: database).scoped(to: context)
                .filter(\.$userID == context.userID).filter(\.$key == key).filter(\.$statusCode == nil)
                .delete()
        }
    }
}
