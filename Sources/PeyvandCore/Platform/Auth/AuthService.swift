import FluentKit
import Foundation
import SQLKit

/// Signs users in and out, and turns a presented secret (API token or session cookie) into the
/// `RequestContext` every service call needs.
public struct AuthService: Sendable {
    public let store: Store
    public let hasher: any PasswordHashing
    /// Keys the digests of tokens and session secrets.
    public let pepper: String
    public var throttle = LoginThrottle()
    public var tokenLifetime: TimeInterval = 30 * 24 * 3600
    public var sessionLifetime: TimeInterval = 12 * 3600

    public init(store: Store, hasher: any PasswordHashing, pepper: String) {
        self.store = store
        self.hasher = hasher
        self.pepper = pepper
    }

    /// A freshly issued credential: the secret is shown once and only its digest is kept.
    public struct Issued: Sendable {
        public let secret: String
        public let user: User
        public let expiresAt: Date
        /// For web sessions only.
        public let csrfToken: String?
    }

    public enum Credential: Sendable {
        case apiToken(name: String)
        case webSession
    }

    /// Checks the password (throttled per account and address) and issues a credential.
    public func signIn(email rawEmail: String, password: String, address: String?, issuing credential: Credential) async throws -> Issued {
        let email = UserService.normalizedEmail(rawEmail)
        if let seconds = try await throttle.retryAfter(email: email, address: address, store: store) {
            throw PlatformError.loginThrottled(retryAfterSeconds: seconds)
        }
        let user = try await User.query(on: store.database).filter(\.$email == email).filter(\.$isActive == true).first()
        // Spend the same bcrypt work when the account is unknown, so timing does not reveal
        // which e-mails are registered.
        let matches: Bool
        if let user {
            matches = try hasher.verify(password, against: user.passwordHash)
        } else {
            _ = try hasher.hash(password)
            matches = false
        }
        let now = store.now()
        guard let user, matches else {
            try await store.write { [throttle] database in
                try await throttle.recordFailure(email: email, address: address, on: database, at: now)
            }
            throw PlatformError.invalidCredentials
        }
        let expiresAt: Date
        let secret: String
        var csrfToken: String?
        switch credential {
        case .apiToken(let name):
            secret = Secrets.make(prefix: "pvt_")
            expiresAt = now.addingTimeInterval(tokenLifetime)
            let token = APIToken(organisationID: user.organisationID, userID: try user.requireID(),
                                 tokenHash: Secrets.digest(secret, key: pepper), name: name, expiresAt: expiresAt)
            try await store.write { [throttle] database in
                try await throttle.recordSuccess(email: email, on: database)
                try await token.create(on: database)
            }
        case .webSession:
            secret = Secrets.make(prefix: "pvs_")
            expiresAt = now.addingTimeInterval(sessionLifetime)
            let csrf = Secrets.make(prefix: "")
            csrfToken = csrf
            let session = WebSession(organisationID: user.organisationID, userID: try user.requireID(),
                                     tokenHash: Secrets.digest(secret, key: pepper), csrfToken: csrf, expiresAt: expiresAt)
            try await store.write { [throttle] database in
                try await throttle.recordSuccess(email: email, on: database)
                try await session.create(on: database)
            }
        }
        return Issued(secret: secret, user: user, expiresAt: expiresAt, csrfToken: csrfToken)
    }

    /// The acting context for an API bearer token, or `unauthenticated`.
    public func context(forToken secret: String, language: Language?, requestID: String?) async throws -> RequestContext {
        let now = store.now()
        guard let token = try await APIToken.query(on: store.database)
            .filter(\.$tokenHash == Secrets.digest(secret, key: pepper))
            .filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > now)
            .first()
        else { throw PlatformError.unauthenticated }
        return try await context(forUser: token.userID, language: language, requestID: requestID)
    }

    /// The acting context and CSRF token for a web-session cookie, or `unauthenticated`.
    public func context(forSession secret: String, language: Language?, requestID: String?) async throws -> (RequestContext, csrfToken: String) {
        let now = store.now()
        guard let session = try await WebSession.query(on: store.database)
            .filter(\.$tokenHash == Secrets.digest(secret, key: pepper))
            .filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > now)
            .first()
        else { throw PlatformError.unauthenticated }
        let context = try await context(forUser: session.userID, language: language, requestID: requestID)
        return (context, session.csrfToken)
    }

    /// Revokes an API token or web session given its secret; unknown secrets are ignored.
    public func signOut(secret: String) async throws {
        let now = store.now()
        let digest = Secrets.digest(secret, key: pepper)
        try await store.write { database in
            try await APIToken.query(on: database).filter(\.$tokenHash == digest).set(\.$revokedAt, to: now).update()
            try await WebSession.query(on: database).filter(\.$tokenHash == digest).set(\.$revokedAt, to: now).update()
        }
    }

    /// Builds the context of an active user: role grants, teams and teammates.
    public func context(forUser userID: UUID, language: Language?, requestID: String?) async throws -> RequestContext {
        try await RequestContext.load(userID: userID, store: store, language: language, requestID: requestID)
    }
}
