import FluentKit
import Foundation

/// The only writer of leads, and of the accounts and contacts a conversion makes.
public struct LeadService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Lead>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("last_name", kind: .text), SortableColumn("company", kind: .text),
            SortableColumn("score", kind: .integer), SortableColumn("status", kind: .text),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Lead> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Lead {
        try await SalesRecords.find(Lead.self, id, for: .read, in: context, on: store.database)
    }

    public func create(_ input: LeadInput, allowDuplicate: Bool, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Lead {
        try context.require(.leads, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        Self.requireReason(status: input.status, reason: input.disqualifiedReason, into: &validator)
        let party = input.party.cleaned(into: &validator)
        try await RecordOwnership.validate(userID: input.ownerUserID, teamID: input.ownerTeamID, into: &validator,
                                           in: context, on: store.database)
        try validator.check()

        let lead = Lead(organisationID: context.organisationID, lastName: "")
        apply(input, party: party, to: lead)
        try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: lead, creating: true, by: context)
        let now = store.now()
        return try await store.write { database in
            if !allowDuplicate { try await refuseDuplicates(of: lead, party: party, excluding: nil, in: context, on: database) }
            try await lead.create(on: database)
            try await SalesRecords.afterWrite(lead, party: party, action: .create, before: nil, by: context, at: now, on: database)
            return lead
        }
    }

    public func update(_ id: UUID, _ input: LeadInput, expectedVersion: Int?, allowDuplicate: Bool, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Lead {
        try context.require(.leads, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        let party = input.party.cleaned(into: &validator)
        try await RecordOwnership.validate(userID: input.ownerUserID, teamID: input.ownerTeamID, into: &validator,
                                           in: context, on: store.database)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let lead = try await SalesRecords.lockForUpdate(Lead.self, id, expectedVersion: expectedVersion, in: context, on: database)
            if lead.status == Lead.Status.converted.rawValue { throw SalesError.leadAlreadyConverted(leadID: id) }
            let before = lead.auditSnapshot
            apply(input, party: party, to: lead)
            var rules = FieldValidator()
            Self.requireReason(status: lead.status, reason: lead.disqualifiedReason, into: &rules)
            try rules.check()
            try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: lead, creating: false, by: context)
            let identityChanged = party.phoneKeys != nil || party.emailKeys != nil
                || !input.provided.isDisjoint(with: ["first_name", "last_name", "company"])
            if !allowDuplicate && identityChanged { try await refuseDuplicates(of: lead, party: party, excluding: id, in: context, on: database) }
            try await lead.update(on: database)
            try await SalesRecords.afterWrite(lead, party: party, action: .update, before: before, by: context, at: now, on: database)
            return lead
        }
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(Lead.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    public func restore(_ id: UUID, by context: RequestContext) async throws -> Lead {
        try await SalesRecords.restore(Lead.self, id, by: context, at: store.now(), store: store)
    }

    /// The existing accounts and contacts a conversion of this lead could link instead of creating
    /// new ones: the same matches `convert` refuses as duplicates, offered up front.
    public func conversionCandidates(_ id: UUID, in context: RequestContext)
        async throws -> (accounts: [DuplicateCandidate], contacts: [DuplicateCandidate]) {
        let lead = try await find(id, in: context)
        let database = store.database
        var accounts: [DuplicateCandidate] = []
        if lead.company != nil, context.permissions.scope(for: .accounts, .read) != nil {
            accounts = try await DuplicateFinder.find(Account.self, phoneKeys: [], emailKeys: [],
                                                      nameKey: Self.account(from: lead, by: context).nameKey,
                                                      excluding: nil, in: context, on: database).visible
        }
        var contacts: [DuplicateCandidate] = []
        if context.permissions.scope(for: .contacts, .read) != nil {
            let contact = Self.contact(from: lead, accountID: nil, by: context)
            contacts = try await DuplicateFinder.find(Contact.self, phoneKeys: ContactPoints.keys(of: contact.phones),
                                                      emailKeys: ContactPoints.keys(of: contact.emails), nameKey: contact.nameKey,
                                                      excluding: nil, in: context, on: database).visible
        }
        return (accounts, contacts)
    }

    /// Makes or links the account and contact in one transaction and marks the lead converted.
    /// A second conversion is a conflict; likely duplicates are offered instead of created.
    /// With `conversion.opportunity`, also opens an opportunity for the account and contact; its
    /// problems are reported under `opportunity.` with the conversion's own, and nothing is written.
    public func convert(_ id: UUID, _ conversion: LeadConversion, by context: RequestContext,
                        readProblems: FieldValidator = FieldValidator()) async throws -> LeadConversionResult {
        try context.require(.leads, .update)
        if conversion.opportunity != nil { try context.require(.opportunities, .create) }
        let now = store.now()
        return try await store.write { database in
            let lead = try await SalesRecords.lockForUpdate(Lead.self, id, expectedVersion: nil, in: context, on: database)
            if lead.status == Lead.Status.converted.rawValue { throw SalesError.leadAlreadyConverted(leadID: id) }
            let before = lead.auditSnapshot

            var validator = readProblems
            var account: Account?
            if let accountID = conversion.accountID {
                account = try await Account.query(on: database).scoped(to: context, for: .read).filter(\.$id == accountID).first()
                if account == nil { validator.add("account_id", .referencedRecordMissing) }
            }
            var contact: Contact?
            if let contactID = conversion.contactID {
                contact = try await Contact.query(on: database).scoped(to: context, for: .read).filter(\.$id == contactID).first()
                if contact == nil { validator.add("contact_id", .referencedRecordMissing) }
            }

            let newAccount = account == nil && conversion.createAccount && lead.company != nil
                ? Self.account(from: lead, by: context) : nil
            let newContact = contact == nil ? Self.contact(from: lead, accountID: account?.id ?? newAccount?.id, by: context) : nil
            var opportunity: Opportunity?
            if var input = conversion.opportunity {
                // A missing account_id or contact_id is reported above; without any account the
                // opportunity reports `opportunity.account_id` as required.
                input.accountID = account?.id ?? conversion.accountID ?? newAccount?.id
                input.contactID = contact?.id ?? newContact?.id
                input.provided.insert("contact_id")
                var problems = FieldValidator()
                opportunity = try await OpportunityService(store: store).prepare(input, at: now, into: &problems, in: context, on: database)
                validator.add(problems, under: "opportunity.")
                // Owned like the account and contact: by whoever owned the lead.
                opportunity?.ownerUserID = lead.ownerUserID
                opportunity?.ownerTeamID = lead.ownerTeamID
            }
            try validator.check()

            if !conversion.allowDuplicate {
                var candidates: [DuplicateCandidate] = [], hidden = 0
                if let newAccount {
                    let found = try await DuplicateFinder.find(Account.self, phoneKeys: [], emailKeys: [], nameKey: newAccount.nameKey,
                                                               excluding: nil, in: context, on: database)
                    candidates += found.visible
                    hidden += found.hidden
                }
                if let newContact {
                    let found = try await DuplicateFinder.find(
                        Contact.self, phoneKeys: ContactPoints.keys(of: newContact.phones), emailKeys: ContactPoints.keys(of: newContact.emails),
                        nameKey: newContact.nameKey, excluding: nil, in: context, on: database)
                    candidates += found.visible
                    hidden += found.hidden
                }
                if !candidates.isEmpty || hidden > 0 { throw SalesError.duplicates(candidates, hidden: hidden) }
            }
            if let newAccount {
                try context.require(.accounts, .create)
                try await newAccount.create(on: database)
                try await SalesRecords.afterWrite(newAccount, party: Self.cleanParty(of: newAccount), action: .create, before: nil,
                                                  by: context, at: now, on: database)
                account = newAccount
            }
            if let newContact {
                try context.require(.contacts, .create)
                try await newContact.create(on: database)
                try await SalesRecords.afterWrite(newContact, party: Self.cleanParty(of: newContact), action: .create, before: nil,
                                                  by: context, at: now, on: database)
                contact = newContact
            }
            if let opportunity { try await OpportunityService.insert(opportunity, lines: nil, by: context, at: now, on: database) }
            lead.status = Lead.Status.converted.rawValue
            lead.convertedAt = now
            lead.convertedAccountID = account?.id
            lead.convertedContactID = contact!.id
            lead.convertedOpportunityID = opportunity?.id
            try await lead.update(on: database)
            try await AuditTrail.record(.update, of: lead, before: before, by: context, at: now, on: database)
            try await Outbox.append("lead.converted", recordType: Lead.auditType, recordID: id, payload: lead.auditSnapshot,
                                    organisationID: context.organisationID, at: now, on: database)
            return LeadConversionResult(lead: lead, account: account, contact: contact!, opportunity: opportunity)
        }
    }

    private static func account(from lead: Lead, by context: RequestContext) -> Account {
        let account = Account(organisationID: context.organisationID, name: lead.company!)
        account.address = copy(lead.address)
        account.ownerUserID = lead.ownerUserID
        account.ownerTeamID = lead.ownerTeamID
        account.refreshMatchingKeys()
        return account
    }

    private static func contact(from lead: Lead, accountID: UUID?, by context: RequestContext) -> Contact {
        let contact = Contact(organisationID: context.organisationID, lastName: lead.lastName)
        contact.firstName = lead.firstName
        contact.jobTitle = lead.jobTitle
        contact.accountID = accountID
        contact.leadSource = lead.source
        contact.phones = lead.phones
        contact.emails = lead.emails
        contact.tags = lead.tags
        contact.address = copy(lead.address)
        contact.ownerUserID = lead.ownerUserID
        contact.ownerTeamID = lead.ownerTeamID
        contact.refreshMatchingKeys()
        return contact
    }

    private static func copy(_ address: PostalAddress) -> PostalAddress {
        let copy = PostalAddress()
        copy.apply(PartyInput.Address(province: address.province, city: address.city, line: address.line, postalCode: address.postalCode))
        return copy
    }

    private static func cleanParty(of record: some PartyRecord) -> PartyInput.Clean {
        PartyInput.Clean(phones: record.phones, phoneKeys: ContactPoints.keys(of: record.phones), emails: record.emails,
                         emailKeys: ContactPoints.keys(of: record.emails), address: nil, tags: (record as? Contact)?.tags)
    }

    private static func requireReason(status: String?, reason: String?, into validator: inout FieldValidator) {
        if status == Lead.Status.disqualified.rawValue, PartyInput.trimmed(reason) == nil {
            validator.add("disqualified_reason", .required)
        }
    }

    private func refuseDuplicates(of lead: Lead, party: PartyInput.Clean, excluding id: UUID?,
                                  in context: RequestContext, on database: any Database) async throws {
        let company = lead.company
        try await DuplicateFinder.refuseDuplicates(
            Lead.self, phoneKeys: party.phoneKeys ?? ContactPoints.keys(of: lead.phones),
            emailKeys: party.emailKeys ?? ContactPoints.keys(of: lead.emails), nameKey: lead.nameKey,
            sameName: { query in query.filter(\.$company == company) }, excluding: id, in: context, on: database)
    }

    func apply(_ input: LeadInput, party: PartyInput.Clean, to lead: Lead) {
        let provided = input.provided
        if provided.contains("first_name") { lead.firstName = PartyInput.trimmed(input.firstName) }
        if provided.contains("last_name"), let lastName = input.lastName { lead.lastName = lastName.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("company") { lead.company = PartyInput.trimmed(input.company) }
        if provided.contains("job_title") { lead.jobTitle = PartyInput.trimmed(input.jobTitle) }
        if provided.contains("source"), let source = input.source { lead.source = source }
        if provided.contains("campaign_id") { lead.campaignID = input.campaignID }
        if provided.contains("status"), let status = input.status { lead.status = status }
        if provided.contains("disqualified_reason") { lead.disqualifiedReason = PartyInput.trimmed(input.disqualifiedReason) }
        if provided.contains("score"), let score = input.score { lead.score = score }
        if provided.contains("description") { lead.details = PartyInput.trimmed(input.description) }
        if let phones = party.phones { lead.phones = phones }
        if let emails = party.emails { lead.emails = emails }
        if let address = party.address { lead.address.apply(address) }
        if let tags = party.tags { lead.tags = tags }
        lead.refreshMatchingKeys()
    }
}
