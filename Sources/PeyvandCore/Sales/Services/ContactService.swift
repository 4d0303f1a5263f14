import FluentKit
import Foundation

/// The only writer of contacts (see `AccountService` for the shape every sales service shares).
public struct ContactService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Contact>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("last_name", kind: .text), SortableColumn("first_name", kind: .text),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Contact> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Contact {
        try await SalesRecords.find(Contact.self, id, for: .read, in: context, on: store.database)
    }

    public func create(_ input: ContactInput, allowDuplicate: Bool, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Contact {
        try context.require(.contacts, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        let party = input.party.cleaned(into: &validator)
        try await validateReferences(input, into: &validator, in: context)
        try validator.check()

        let contact = Contact(organisationID: context.organisationID, lastName: "")
        apply(input, party: party, to: contact)
        try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: contact,
                                  creating: true, by: context)
        let now = store.now()
        return try await store.write { database in
            if !allowDuplicate { try await refuseDuplicates(of: contact, party: party, excluding: nil, in: context, on: database) }
            try await contact.create(on: database)
            try await SalesRecords.afterWrite(contact, party: party, action: .create, before: nil, by: context, at: now, on: database)
            return contact
        }
    }

    public func update(_ id: UUID, _ input: ContactInput, expectedVersion: Int?, allowDuplicate: Bool, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Contact {
        try context.require(.contacts, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        let party = input.party.cleaned(into: &validator)
        try await validateReferences(input, into: &validator, in: context)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let contact = try await SalesRecords.lockForUpdate(Contact.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = contact.auditSnapshot
            apply(input, party: party, to: contact)
            try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: contact,
                                      creating: false, by: context)
            let identityChanged = party.phoneKeys != nil || party.emailKeys != nil
                || !input.provided.isDisjoint(with: ["first_name", "last_name", "account_id"])
            if !allowDuplicate && identityChanged {
                try await refuseDuplicates(of: contact, party: party, excluding: id, in: context, on: database)
            }
            try await contact.update(on: database)
            try await SalesRecords.afterWrite(contact, party: party, action: .update, before: before, by: context, at: now, on: database)
            return contact
        }
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(Contact.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    public func restore(_ id: UUID, by context: RequestContext) async throws -> Contact {
        try await SalesRecords.restore(Contact.self, id, by: context, at: store.now(), store: store)
    }

    /// Same mobile or email, or the same name at the same account (or both without one).
    /// Live contacts this one looks like (same phone or email, or the same name at the same
    /// account) that the actor may read: the candidates a merge screen offers.
    public func duplicates(of id: UUID, in context: RequestContext) async throws -> [DuplicateCandidate] {
        try await duplicates(of: try await find(id, in: context), in: context)
    }

    /// As above for a contact the caller has just read.
    public func duplicates(of contact: Contact, in context: RequestContext) async throws -> [DuplicateCandidate] {
        let accountID = contact.accountID
        return try await DuplicateFinder.find(
            Contact.self, phoneKeys: ContactPoints.keys(of: contact.phones), emailKeys: ContactPoints.keys(of: contact.emails),
            nameKey: contact.nameKey, sameName: { query in query.filter(\.$accountID == accountID) }, excluding: contact.id!,
            in: context, on: store.database).visible
    }

    private func refuseDuplicates(of contact: Contact, party: PartyInput.Clean, excluding id: UUID?,
                                  in context: RequestContext, on database: any Database) async throws {
        let accountID = contact.accountID
        try await DuplicateFinder.refuseDuplicates(
            Contact.self, phoneKeys: party.phoneKeys ?? ContactPoints.keys(of: contact.phones),
            emailKeys: party.emailKeys ?? ContactPoints.keys(of: contact.emails), nameKey: contact.nameKey,
            sameName: { query in query.filter(\.$accountID == accountID) }, excluding: id, in: context, on: database)
    }

    func apply(_ input: ContactInput, party: PartyInput.Clean, to contact: Contact) {
        let provided = input.provided
        if provided.contains("first_name") { contact.firstName = PartyInput.trimmed(input.firstName) }
        if provided.contains("last_name"), let lastName = input.lastName { contact.lastName = lastName.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("gender") { contact.gender = input.gender ?? Contact.Gender.unspecified.rawValue }
        if provided.contains("birth_date") { contact.birthDate = input.birthDate.flatMap(CalendarDay.parse) }
        if provided.contains("job_title") { contact.jobTitle = PartyInput.trimmed(input.jobTitle) }
        if provided.contains("account_id") { contact.accountID = input.accountID }
        if provided.contains("lead_source") { contact.leadSource = input.leadSource }
        if provided.contains("description") { contact.details = PartyInput.trimmed(input.description) }
        if let preferences = input.preferences { contact.preferences = contact.preferences.applying(preferences) }
        if let phones = party.phones { contact.phones = phones }
        if let emails = party.emails { contact.emails = emails }
        if let address = party.address { contact.address.apply(address) }
        if let tags = party.tags { contact.tags = tags }
        contact.refreshMatchingKeys()
    }

    private func validateReferences(_ input: ContactInput, into validator: inout FieldValidator, in context: RequestContext) async throws {
        try await RecordOwnership.validate(userID: input.ownerUserID, teamID: input.ownerTeamID, into: &validator,
                                           in: context, on: store.database)
        if input.provided.contains("account_id"), let accountID = input.accountID,
           try await Account.query(on: store.database).scoped(to: context, for: .read).filter(\.$id == accountID).count() == 0 {
            validator.add("account_id", .referencedRecordMissing)
        }
    }
}
