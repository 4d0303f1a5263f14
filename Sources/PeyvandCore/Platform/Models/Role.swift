import FluentKit
import Foundation

/// A named set of permissions. Built-in roles carry a `key` and take their grants from
/// `BuiltInRole`; custom roles store theirs.
public final class Role: OrganisationScoped, @unchecked Sendable {
    public static let schema = "roles"
    public static var organisationKey: KeyPath<Role, FieldProperty<Role, UUID>> { \.$organisationID }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "version") public var version: Int

    // data fields
    @OptionalField(key: "key") public var key: String?
    @Field(key: "name") public var name: String
    /// `PermissionSet` as JSON.
    @Field(key: "permissions") public var permissionsJSON: String

    public init() {}

    public init(organisationID: UUID, key: String?, name: String, permissions: PermissionSet) throws {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.key = key
        self.name = name
        self.permissionsJSON = try permissions.encodedJSON()
    }

    public var builtIn: BuiltInRole? { key.flatMap(BuiltInRole.init(rawValue:)) }

    /// Built-in roles always answer with the grants of this release, whatever was stored.
    public func permissions() throws -> PermissionSet {
        if let builtIn { return builtIn.permissions }
        return try PermissionSet.decode(json: permissionsJSON)
    }
}
