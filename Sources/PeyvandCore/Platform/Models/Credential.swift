import FluentKit
import Foundation

/// A bearer token for the API. Only the SHA-256 of the secret is stored, so a database leak
/// does not leak usable tokens.
public final class APIToken: OrganisationScoped, @unchecked Sendable {
    public static let schema = "api_tokens"
    public static var organisationKey: KeyPath<APIToken, FieldProperty<APIToken, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "name") public var name: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    public init() {}

    public init(organisationID: UUID, userID: UUID, tokenHash: String, name: String, expiresAt: Date) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.userID = userID
        self.tokenHash = tokenHash
        self.name = name
        self.expiresAt = expiresAt
    }
}

/// A signed-in browser. Server-side so it can be revoked and shared by every server instance;
/// the cookie holds the secret, the row holds its hash and the CSRF token.
public final class WebSession: OrganisationScoped, @unchecked Sendable {
    public static let schema = "web_sessions"
    public static var organisationKey: KeyPath<WebSession, FieldProperty<WebSession, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "csrf_token") public var csrfToken: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(organisationID: UUID, userID: UUID, tokenHash: String, csrfToken: String, expiresAt: Date) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.userID = userID
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
