import Foundation

/// A lead as a client sends it (see `AccountInput` for the create/update rules).
public struct LeadInput: Sendable {
    public var provided: Set<String>
    public var firstName: String?
    public var lastName: String?
    public var company: String?
    public var jobTitle: String?
    public var source: String?
    public var campaignID: UUID?
    public var status: String?
    public var disqualifiedReason: String?
    public var score: Int?
    public var description: String?
    public var ownerUserID: UUID?
    public var ownerTeamID: UUID?
    public var party: PartyInput

    public init(provided: Set<String>, firstName: String? = nil, lastName: String? = nil, company: String? = nil,
                jobTitle: String? = nil, source: String? = nil, campaignID: UUID? = nil, status: String? = nil,
                disqualifiedReason: String? = nil, score: Int? = nil, description: String? = nil, ownerUserID: UUID? = nil,
                ownerTeamID: UUID? = nil, party: PartyInput = PartyInput()) {
        self.provided = provided
        self.firstName = firstName
        self.lastName = lastName
        self.company = company
        self.jobTitle = jobTitle
        self.source = source
        self.campaignID = campaignID
        self.status = status
        self.disqualifiedReason = disqualifiedReason
        self.score = score
        self.description = description
        self.ownerUserID = ownerUserID
        self.ownerTeamID = ownerTeamID
        self.party = party
    }

    func validate(creating: Bool, into validator: inout FieldValidator) {
        validator.text(firstName, "first_name", required: false, max: 100)
        if creating || provided.contains("last_name") { validator.text(lastName, "last_name", required: true, max: 100) }
        validator.text(company, "company", required: false, max: 200)
        validator.text(jobTitle, "job_title", required: false, max: 100)
        validator.oneOf(source, Lead.Source.self, "source")
        validator.text(disqualifiedReason, "disqualified_reason", required: false, max: 500)
        validator.text(description, "description", required: false, max: 10_000)
        if let score, !(0...100).contains(score) { validator.add("score", .outOfRange) }
        if let status {
            // Conversion has its own action; it cannot be set by editing the status.
            if Lead.Status(rawValue: status) == nil || status == Lead.Status.converted.rawValue { validator.add("status", .unknownValue) }
        }
    }
}

/// How to convert a lead: link to existing records or create new ones. Without ids, Peyvand looks
/// for an existing account (same company name) and contact (same mobile, email or name) and
/// offers them as a conflict rather than creating duplicates, unless `allowDuplicate`.
public struct LeadConversion: Sendable {
    public var accountID: UUID?
    public var contactID: UUID?
    /// false: convert into a contact without an account even when the lead names a company.
    public var createAccount: Bool
    public var allowDuplicate: Bool
    /// An opportunity to open for the account and contact the conversion makes or links (its
    /// `accountID` and `contactID` are theirs), in the same transaction.
    public var opportunity: OpportunityInput?

    public init(accountID: UUID? = nil, contactID: UUID? = nil, createAccount: Bool = true, allowDuplicate: Bool = false,
                opportunity: OpportunityInput? = nil) {
        self.accountID = accountID
        self.contactID = contactID
        self.createAccount = createAccount
        self.allowDuplicate = allowDuplicate
        self.opportunity = opportunity
    }
}

/// What a conversion made or linked.
public struct LeadConversionResult: Sendable {
    public var lead: Lead
    public var account: Account?
    public var contact: Contact
    public var opportunity: Opportunity?
}
