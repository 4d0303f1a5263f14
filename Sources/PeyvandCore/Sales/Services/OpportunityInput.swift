import Foundation

/// An opportunity as a client sends it (see `AccountInput` for the create/update rules).
public struct OpportunityInput: Sendable {
    public var provided: Set<String>
    public var name: String?
    public var accountID: UUID?
    public var contactID: UUID?
    public var pipelineID: UUID?
    public var stageID: UUID?
    public var amountMinor: Int64?
    public var currency: String?
    public var expectedCloseDate: String?
    public var lostReason: String?
    public var competitors: [String]?
    public var description: String?
    public var tags: [String]?
    public var ownerUserID: UUID?
    public var ownerTeamID: UUID?
    /// The products expected to be sold; replaces every line when given. Without an explicit
    /// amount, the amount becomes the lines' total.
    public var lines: [LineInput]?

    public init(provided: Set<String>, name: String? = nil, accountID: UUID? = nil, contactID: UUID? = nil, pipelineID: UUID? = nil,
                stageID: UUID? = nil, amountMinor: Int64? = nil, currency: String? = nil, expectedCloseDate: String? = nil,
                lostReason: String? = nil, competitors: [String]? = nil, description: String? = nil, tags: [String]? = nil,
                ownerUserID: UUID? = nil, ownerTeamID: UUID? = nil, lines: [LineInput]? = nil) {
        self.provided = provided
        self.lines = lines
        self.name = name
        self.accountID = accountID
        self.contactID = contactID
        self.pipelineID = pipelineID
        self.stageID = stageID
        self.amountMinor = amountMinor
        self.currency = currency
        self.expectedCloseDate = expectedCloseDate
        self.lostReason = lostReason
        self.competitors = competitors
        self.description = description
        self.tags = tags
        self.ownerUserID = ownerUserID
        self.ownerTeamID = ownerTeamID
    }

    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating || provided.contains("name") { validator.text(name, "name", required: true, max: 200) }
        if creating && accountID == nil { validator.add("account_id", .required) }
        if let amountMinor, amountMinor < 0 { validator.add("amount", .outOfRange) }
        if let currency, !Self.isCurrencyCode(currency) { validator.add("amount", .invalidFormat) }
        if let expectedCloseDate, CalendarDay.parse(expectedCloseDate) == nil { validator.add("expected_close_date", .invalidFormat) }
        validator.text(lostReason, "lost_reason", required: false, max: 500)
        validator.text(description, "description", required: false, max: 10_000)
        if let competitors {
            if competitors.count > 20 { validator.add("competitors", .tooLong) }
            for competitor in competitors where competitor.trimmingCharacters(in: .whitespaces).isEmpty || competitor.count > 200 {
                validator.add("competitors", .invalidFormat)
            }
        }
    }

    static func isCurrencyCode(_ code: String) -> Bool {
        code.count == 3 && code.allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
