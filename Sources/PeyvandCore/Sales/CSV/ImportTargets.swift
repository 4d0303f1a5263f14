import FluentKit
import Foundation

/// How rows become records of one resource: building a new record, updating an existing one,
/// and what makes two records "the same" for the duplicate policy.
protocol ImportTarget: Sendable {
    associatedtype Record: PartyRecord
    /// Looks up what rows refer to by name (contacts: their account), once per batch.
    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws
    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Record, PartyInput.Clean)?
    func update(_ record: Record, with values: [String: String], into validator: inout FieldValidator) throws -> PartyInput.Clean?
    /// The name key plus what else must be equal for a name match (a contact's account, a lead's company).
    func nameIdentity(of record: Record) -> String
}

extension ImportTarget {
    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws {}
}

struct AccountImport: ImportTarget {
    let service: AccountService

    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Account, PartyInput.Clean)? {
        let input = ImportRows.account(values)
        input.validate(creating: true, into: &validator)
        let party = input.party.cleaned(into: &validator)
        guard validator.errors.isEmpty else { return nil }
        let account = Account(organisationID: context.organisationID, name: "")
        try service.apply(input, party: party, to: account)
        account.ownerUserID = context.userID
        return (account, party)
    }

    func update(_ account: Account, with values: [String: String], into validator: inout FieldValidator) throws -> PartyInput.Clean? {
        let input = ImportRows.account(values, existing: account)
        input.validate(creating: false, into: &validator)
        let party = input.party.cleaned(into: &validator)
        guard validator.errors.isEmpty else { return nil }
        try service.apply(input, party: party, to: account)
        return party
    }

    func nameIdentity(of account: Account) -> String { account.nameKey }
}

/// Contacts name their account in an `account` column; it must already exist and be readable.
final class ContactImport: ImportTarget, @unchecked Sendable {
    let service: ContactService
    private var accountsByName: [String: UUID] = [:]

    init(service: ContactService) {
        self.service = service
    }

    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws {
        let names = Set(rows.compactMap { $0["account"] }.map(PersianText.compacted))
        guard !names.isEmpty, context.permissions.scope(for: .accounts, .read) != nil else { return }
        let accounts = try await Account.query(on: database).scoped(to: context, for: .read).filter(\.$nameKey ~~ Array(names)).all()
        for account in accounts where accountsByName[account.nameKey] == nil { accountsByName[account.nameKey] = account.id }
    }

    private func accountID(_ values: [String: String], into validator: inout FieldValidator) -> UUID? {
        guard let name = values["account"] else { return nil }
        guard let id = accountsByName[PersianText.compacted(name)] else {
            validator.add("account", .referencedRecordMissing)
            return nil
        }
        return id
    }

    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Contact, PartyInput.Clean)? {
        let input = ImportRows.contact(values, accountID: accountID(values, into: &validator))
        input.validate(creating: true, into: &validator)
        let party = input.party.cleaned(into: &validator)
        guard validator.errors.isEmpty else { return nil }
        let contact = Contact(organisationID: context.organisationID, lastName: "")
        service.apply(input, party: party, to: contact)
        contact.ownerUserID = context.userID
        return (contact, party)
    }

    func update(_ contact: Contact, with values: [String: String], into validator: inout FieldValidator) throws -> PartyInput.Clean? {
        let input = ImportRows.contact(values, accountID: accountID(values, into: &validator), existing: contact)
        input.validate(creating: false, into: &validator)
        let party = input.party.cleaned(into: &validator)
        guard validator.errors.isEmpty else { return nil }
        service.apply(input, party: party, to: contact)
        return party
    }

    func nameIdentity(of contact: Contact) -> String { "\(contact.nameKey)|\(contact.accountID?.uuidString ?? "")" }
}

struct LeadImport: ImportTarget {
    let service: LeadService

    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Lead, PartyInput.Clean)? {
        var input = ImportRows.lead(values)
        if input.source == nil { input.source = Lead.Source.import.rawValue; input.provided.insert("source") }
        input.validate(creating: true, into: &validator)
        if input.status == Lead.Status.disqualified.rawValue { validator.add("status", .unknownValue) }
        let party = input.party.cleaned(into: &validator)
        guard validator.errors.isEmpty else { return nil }
        let lead = Lead(organisationID: context.organisationID, lastName: "")
        service.apply(input, party: party, to: lead)
        lead.ownerUserID = context.userID
        return (lead, party)
    }

    func update(_ lead: Lead, with values: [String: String], into validator: inout FieldValidator) throws -> PartyInput.Clean? {
        guard lead.status != Lead.Status.converted.rawValue else {
            validator.add("status", .readOnly)
            return nil
        }
        let input = ImportRows.lead(values, existing: lead)
        input.validate(creating: false, into: &validator)
        let party = input.party.cleaned(into: &validator)
        guard validator.errors.isEmpty else { return nil }
        service.apply(input, party: party, to: lead)
        return party
    }

    func nameIdentity(of lead: Lead) -> String { "\(lead.nameKey)|\(PersianText.compacted(lead.company ?? ""))" }
}
