import FluentKit
import PeyvandCore
import Vapor

/// The one place errors become responses: problem+json in the caller's language. A bad request
/// never becomes a 500; a 500 is logged at `critical` with the request id.
struct ProblemMiddleware: AsyncMiddleware {
    let routeTable: RouteTable

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return problemResponse(for: error, request: request)
        }
    }

    func problemResponse(for error: any Error, request: Request) -> Response {
        let language = request.language
        var headers = HTTPHeaders()
        let code: ProblemCode
        let status: HTTPStatus
        var fieldErrors: [FieldError] = []
        var detail: String?
        var extensions: [String: JSONValue] = [:]

        switch error {
        case let domain as any DomainError:
            code = domain.code
            fieldErrors = domain.fieldErrors
            extensions = domain.extensions
            switch domain.kind {
            case .validation: status = .unprocessableEntity
            case .unauthenticated:
                status = .unauthorized
                headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            case .forbidden: status = .forbidden
            case .notFound: status = .notFound
            case .conflict: status = .conflict
            case .preconditionFailed: status = .preconditionFailed
            case .rateLimited(let seconds):
                status = .tooManyRequests
                headers.replaceOrAdd(name: .retryAfter, value: String(max(1, seconds)))
            }
        case let problem as HTTPProblem:
            (code, status, fieldErrors) = (problem.code, problem.status, problem.fieldErrors)
            headers.add(contentsOf: problem.headers)
        case let abort as any AbortError:
            (code, status) = Self.classify(abort.status)
            if abort.status == .notFound {
                let allowed = routeTable.methods(matching: request.url.path).subtracting([request.method.rawValue])
                if !allowed.isEmpty {
                    return Problem(.methodNotAllowed, status: .methodNotAllowed, language: language, requestID: request.id)
                        .response(status: .methodNotAllowed, headers: ["Allow": allowed.sorted().joined(separator: ", ")])
                }
            }
            headers.add(contentsOf: abort.headers)
            headers.remove(name: .contentType)
        case is DecodingError:
            (code, status) = (.malformedJSON, .badRequest)
        case let database as any DatabaseError where database.isConstraintFailure:
            (code, status) = (.conflict, .conflict)
        default:
            (code, status) = (.internalError, .internalServerError)
        }

        if status.code >= 500 {
            request.logger.critical("request failed", metadata: ["error": "\(String(reflecting: error))"])
            detail = nil
        } else {
            request.logger.info("request refused", metadata: ["status": "\(status.code)", "problem": "\(code.rawValue)"])
        }
        if !Self.isMachineClient(request) {
            headers.remove(name: .wwwAuthenticate)
            let page = ErrorPageView.render(title: Messages.title(code, in: language), status: Int(status.code),
                                            requestID: request.id, language: language)
            return Layout.response(page, status: status, headers: headers)
        }
        return Problem(code, status: status, language: language, detail: detail, fieldErrors: fieldErrors, extensions: extensions,
                       requestID: request.id)
            .response(status: status, headers: headers)
    }

    /// API and operations clients read problem+json; browsers on web pages read an HTML page.
    static func isMachineClient(_ request: Request) -> Bool {
        let path = request.url.path
        return path.hasPrefix("/api/") || ["/healthz", "/readyz", "/metrics"].contains(path)
    }

    static func classify(_ status: HTTPStatus) -> (ProblemCode, HTTPStatus) {
        switch status.code {
        case 400: (.badRequest, .badRequest)
        case 401: (.unauthenticated, .unauthorized)
        case 403: (.forbidden, .forbidden)
        case 404: (.notFound, .notFound)
        case 405: (.methodNotAllowed, .methodNotAllowed)
        case 413: (.payloadTooLarge, .payloadTooLarge)
        case 415: (.unsupportedMediaType, .unsupportedMediaType)
        case 422: (.validationFailed, .unprocessableEntity)
        case 429: (.tooManyRequests, .tooManyRequests)
        case 503: (.serviceUnavailable, .serviceUnavailable)
        case 400..<500: (.badRequest, status)
        default: (.internalError, .internalServerError)
        }
    }
}

/// The registered routes as patterns, to tell "no such path" (404) from "no such method on this
/// path" (405 with `Allow`).
final class RouteTable: Sendable {
    private let patterns: [(method: HTTPMethod, path: [PathComponent])]

    init(routes: [Route]) {
        patterns = routes.map { ($0.method, $0.path) }
    }

    func methods(matching path: String) -> Set<String> {
        let segments = path.split(separator: "/").map(String.init)
        var methods = Set<String>()
        for pattern in patterns where Self.matches(pattern.path, segments) {
            methods.insert(pattern.method.rawValue)
        }
        return methods
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return true
            case .anything, .parameter:
                if index >= segments.count { return false }
            case .constant(let value):
                if index >= segments.count || segments[index] != value { return false }
            }
        }
        return pattern.count == segments.count
    }
}
