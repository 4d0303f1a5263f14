import Foundation

/// An account as a client sends it, for create (required fields must be present) and for
/// update (only the `provided` fields change; `null` clears a field).
public struct AccountInput: Sendable {
    public var provided: Set<String>
    public var name: String?
    public var kind: String?
    public var industry: String?
    public var website: String?
    public var nationalID: String?
    public var economicCode: String?
    public var parentID: UUID?
    public var description: String?
    public var ownerUserID: UUID?
    public var ownerTeamID: UUID?
    public var party: PartyInput

    public init(provided: Set<String>, name: String? = nil, kind: String? = nil, industry: String? = nil, website: String? = nil,
                nationalID: String? = nil, economicCode: String? = nil, parentID: UUID? = nil, description: String? = nil,
                ownerUserID: UUID? = nil, ownerTeamID: UUID? = nil, party: PartyInput = PartyInput()) {
        self.provided = provided
        self.name = name
        self.kind = kind
        self.industry = industry
        self.website = website
        self.nationalID = nationalID
        self.economicCode = economicCode
        self.parentID = parentID
        self.description = description
        self.ownerUserID = ownerUserID
        self.ownerTeamID = ownerTeamID
        self.party = party
    }

    /// The rules that need no database; `creating` makes required fields required.
    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating || provided.contains("name") { validator.text(name, "name", required: true, max: 200) }
        validator.oneOf(kind, Account.Kind.self, "kind")
        validator.text(industry, "industry", required: false, max: 100)
        validator.text(website, "website", required: false, max: 200)
        validator.text(description, "description", required: false, max: 10_000)
        if let nationalID, IranianIdentifier.legalEntityID(nationalID) == nil { validator.add("national_id", .invalidFormat) }
        if let economicCode, IranianIdentifier.economicCode(economicCode) == nil { validator.add("economic_code", .invalidFormat) }
    }
}
