import FluentKit
import Foundation

/// A member of staff who signs in to Peyvand.
public final class User: OrganisationScoped, @unchecked Sendable {
    public static let schema = "users"
    public static var organisationKey: KeyPath<User, FieldProperty<User, UUID>> { \.$organisationID }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "version") public var version: Int

    // data fields
    /// Lower-cased and trimmed: the login key, unique across the deployment.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "language") public var language: String
    @Field(key: "time_zone") public var timeZone: String
    @Field(key: "is_active") public var isActive: Bool

    // relationships
    @Field(key: "role_id") public var roleID: UUID

    public init() {}

    public init(organisationID: UUID, email: String, name: String, passwordHash: String, roleID: UUID, language: Language) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.roleID = roleID
        self.language = language.rawValue
        self.timeZone = "Asia/Tehran"
        self.isActive = true
    }
}
