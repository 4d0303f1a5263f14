import PeyvandCore
import Vapor

/// `POST /auth/login` → bearer token; `POST /auth/logout` revokes it.
enum AuthAPI {
    struct LoginResponse: Encodable {
        var token: String
        var expiresAt: Date
        var user: UserDTO
    }

    @Sendable static func login(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let email = reader.string("email"), password = reader.string("password")
        var rules = FieldValidator()
        if email == nil { rules.add("email", .required) }
        if password == nil { rules.add("password", .required) }
        try reader.finish(adding: rules)
        let issued = try await request.authService.signIn(
            email: email!, password: password!, address: request.remoteAddress?.ipAddress, issuing: .apiToken(name: "api login"))
        return try jsonResponse(LoginResponse(token: issued.secret, expiresAt: issued.expiresAt, user: UserDTO(issued.user)))
    }

    @Sendable static func logout(_ request: Request) async throws -> HTTPStatus {
        if let bearer = request.headers.bearerAuthorization {
            try await request.authService.signOut(secret: bearer.token)
        }
        return .noContent
    }
}
