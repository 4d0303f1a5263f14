import FluentKit
import Foundation

/// A person: a customer's staff, a buyer, a prospect after lead conversion.
public final class Contact: OwnedRecord, Auditable, @unchecked Sendable {
    public static let schema = "contacts"
    public static let auditType = "contact"
    public static let permissionModule = PermissionModule.contacts
    public static var organisationKey: KeyPath<Contact, FieldProperty<Contact, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<Contact, OptionalFieldProperty<Contact, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<Contact, OptionalFieldProperty<Contact, UUID>> { \.$ownerTeamID }

    public enum Gender: String, Codable, CaseIterable, Sendable {
        case female, male, unspecified
    }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?
    @Field(key: "version") public var version: Int
    @OptionalField(key: "owner_user_id") public var ownerUserID: UUID?
    @OptionalField(key: "owner_team_id") public var ownerTeamID: UUID?

    // data fields
    @OptionalField(key: "first_name") public var firstName: String?
    @Field(key: "last_name") public var lastName: String
    @Field(key: "gender") public var gender: String
    /// Gregorian `YYYY-MM-DD`; shown in the reader's calendar.
    @OptionalField(key: "birth_date") public var birthDate: String?
    @OptionalField(key: "job_title") public var jobTitle: String?
    @OptionalField(key: "account_id") public var accountID: UUID?
    @OptionalField(key: "lead_source") public var leadSource: String?
    @OptionalField(key: "description") public var details: String?
    @Group(key: "address") public var address: PostalAddress
    @Field(key: "phones") public var phones: [PhoneNumber]
    @Field(key: "emails") public var emails: [EmailAddress]
    @Field(key: "tags") public var tags: [String]
    @Field(key: "preferences") public var preferences: ContactPreferences

    // derived fields (matching keys, written by the service)
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "search_text") public var searchText: String

    public init() {}

    /// Fluent's list of this model's properties, written out in declaration order. Fluent's
    /// default finds them by reflection (`Mirror`) on every instance, i.e. for every row decoded:
    /// at a million contacts that was the largest single cost of a contacts list, API or page
    /// (27 % of the server's CPU time for `/contacts`, perf). `ModelPropertyListTests` checks the
    /// list against the reflected one, so a new property cannot be left out.
    public var properties: [any AnyProperty] {
        [
            _id, _organisationID, _createdAt, _updatedAt, _deletedAt, _version, _ownerUserID, _ownerTeamID,
            _firstName, _lastName, _gender, _birthDate, _jobTitle, _accountID, _leadSource, _details, _address,
            _phones, _emails, _tags, _preferences, _nameKey, _searchText,
        ]
    }

    public init(organisationID: UUID, lastName: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.lastName = lastName
        self.gender = Gender.unspecified.rawValue
        self.address = PostalAddress()
        self.phones = []
        self.emails = []
        self.tags = []
        self.preferences = ContactPreferences()
        self.nameKey = ""
        self.searchText = ""
    }

    public var fullName: String {
        [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "first_name": .from(firstName), "last_name": .string(lastName), "gender": .string(gender),
            "birth_date": .from(birthDate), "job_title": .from(jobTitle), "account_id": .from(accountID),
            "lead_source": .from(leadSource), "description": .from(details),
            "owner_user_id": .from(ownerUserID), "owner_team_id": .from(ownerTeamID),
            "address": address.snapshot, "phones": .from(phones.map(\.number)), "emails": .from(emails.map(\.address)),
            "tags": .from(tags), "preferences": preferences.snapshot,
        ]
    }
}

/// How a person wants to be reached. Marketing and automation must obey these: a channel that
/// is not allowed is never used for campaigns.
public struct ContactPreferences: Codable, Sendable, Equatable {
    public enum Channel: String, Codable, CaseIterable, Sendable {
        case email, sms, phone, post
    }

    public enum TimeOfDay: String, Codable, CaseIterable, Sendable {
        case morning, afternoon, evening, any
    }

    /// Channels the person has opted out of; every other channel is allowed.
    public var optedOut: [Channel]
    public var preferredChannel: Channel?
    public var preferredTime: TimeOfDay
    public var language: String?

    public init(optedOut: [Channel] = [], preferredChannel: Channel? = nil, preferredTime: TimeOfDay = .any, language: String? = nil) {
        self.optedOut = optedOut
        self.preferredChannel = preferredChannel
        self.preferredTime = preferredTime
        self.language = language
    }

    public func allows(_ channel: Channel) -> Bool { !optedOut.contains(channel) }

    var snapshot: JSONValue {
        .object([
            "opted_out": .from(optedOut.map(\.rawValue).sorted()), "preferred_channel": .from(preferredChannel?.rawValue),
            "preferred_time": .string(preferredTime.rawValue), "language": .from(language),
        ])
    }
}

extension Contact: DuplicateMatchable {
    public static var nameKeyField: KeyPath<Contact, FieldProperty<Contact, String>> { \.$nameKey }
    public var displayName: String { fullName }
}
