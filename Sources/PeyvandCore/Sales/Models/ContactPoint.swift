import FluentKit
import Foundation

/// The matching side of a phone number or email of an account, contact or lead: its normalised
/// key, indexed per organisation, so duplicates and searches by phone or email are one lookup.
public final class ContactPoint: OrganisationScoped, @unchecked Sendable {
    public static let schema = "contact_points"
    public static var organisationKey: KeyPath<ContactPoint, FieldProperty<ContactPoint, UUID>> { \.$organisationID }

    public enum Kind: String, Codable, Sendable {
        case phone, email
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: UUID
    @Field(key: "kind") public var kind: String
    /// Phones: the national form `09121234567` (or `+…` digits abroad); emails: lower-cased.
    @Field(key: "key") public var key: String

    public init() {}

    public init(organisationID: UUID, recordType: String, recordID: UUID, kind: Kind, key: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.recordType = recordType
        self.recordID = recordID
        self.kind = kind.rawValue
        self.key = key
    }
}
