import FluentKit
import Foundation

/// A possible customer not yet qualified: a person and their company as captured from a web form,
/// a campaign, an import or a call. Qualified leads are converted into an account, a contact
/// and (optionally) an opportunity.
public final class Lead: OwnedRecord, Auditable, @unchecked Sendable {
    public static let schema = "leads"
    public static let auditType = "lead"
    public static let permissionModule = PermissionModule.leads
    public static var organisationKey: KeyPath<Lead, FieldProperty<Lead, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<Lead, OptionalFieldProperty<Lead, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<Lead, OptionalFieldProperty<Lead, UUID>> { \.$ownerTeamID }

    public enum Source: String, Codable, CaseIterable, Sendable {
        case webForm = "web_form", campaign, referral, `import`, phone, social, other
    }

    public enum Status: String, Codable, CaseIterable, Sendable {
        case new, contacted, qualified, disqualified, converted
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
    @OptionalField(key: "company") public var company: String?
    @OptionalField(key: "job_title") public var jobTitle: String?
    @Field(key: "source") public var source: String
    @OptionalField(key: "campaign_id") public var campaignID: UUID?
    @Field(key: "status") public var status: String
    @OptionalField(key: "disqualified_reason") public var disqualifiedReason: String?
    @Field(key: "score") public var score: Int
    @OptionalField(key: "description") public var details: String?
    @Group(key: "address") public var address: PostalAddress
    @Field(key: "phones") public var phones: [PhoneNumber]
    @Field(key: "emails") public var emails: [EmailAddress]
    @Field(key: "tags") public var tags: [String]

    // conversion
    @OptionalField(key: "converted_at") public var convertedAt: Date?
    @OptionalField(key: "converted_account_id") public var convertedAccountID: UUID?
    @OptionalField(key: "converted_contact_id") public var convertedContactID: UUID?
    @OptionalField(key: "converted_opportunity_id") public var convertedOpportunityID: UUID?

    // derived fields (matching keys, written by the service)
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, lastName: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.lastName = lastName
        self.source = Source.other.rawValue
        self.status = Status.new.rawValue
        self.score = 0
        self.address = PostalAddress()
        self.phones = []
        self.emails = []
        self.tags = []
        self.nameKey = ""
        self.searchText = ""
    }

    public var fullName: String {
        [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "first_name": .from(firstName), "last_name": .string(lastName), "company": .from(company),
            "job_title": .from(jobTitle), "source": .string(source), "campaign_id": .from(campaignID),
            "status": .string(status), "disqualified_reason": .from(disqualifiedReason), "score": .from(score),
            "description": .from(details), "owner_user_id": .from(ownerUserID), "owner_team_id": .from(ownerTeamID),
            "address": address.snapshot, "phones": .from(phones.map(\.number)), "emails": .from(emails.map(\.address)),
            "tags": .from(tags), "converted_account_id": .from(convertedAccountID),
            "converted_contact_id": .from(convertedContactID), "converted_opportunity_id": .from(convertedOpportunityID),
        ]
    }
}

extension Lead: DuplicateMatchable {
    public static var nameKeyField: KeyPath<Lead, FieldProperty<Lead, String>> { \.$nameKey }
    public var displayName: String { company.map { "\(fullName) (\($0))" } ?? fullName }
}
