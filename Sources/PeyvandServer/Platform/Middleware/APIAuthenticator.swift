import PeyvandCore
import Vapor

/// Requires `Authorization: Bearer <token>` and puts the actor's context on the request.
struct APIAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else { throw PlatformError.unauthenticated }
        let context = try await request.authService.context(
            forToken: bearer.token, language: request.headers.first(name: .acceptLanguage) == nil ? nil : request.language,
            requestID: request.id)
        request.setActor(context)
        request.logger[metadataKey: "user-id"] = "\(context.userID)"
        request.logger[metadataKey: "org-id"] = "\(context.organisationID)"
        return try await next.respond(to: request)
    }
}
