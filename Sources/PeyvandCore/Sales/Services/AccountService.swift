import FluentKit
import Foundation

/// The only writer of accounts. Every change writes the row, its phone/email keys, tags, audit
/// entry and outbox event in one transaction.
public struct AccountService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Account>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("name", kind: .text), SortableColumn("kind", kind: .text),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Account> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Account {
        try await SalesRecords.find(Account.self, id, for: .read, in: context, on: store.database)
    }

    public func create(_ input: AccountInput, allowDuplicate: Bool, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Account {
        try context.require(.accounts, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        let party = input.party.cleaned(into: &validator)
        try await validateReferences(input, accountID: nil, into: &validator, in: context)
        try validator.check()

        let account = Account(organisationID: context.organisationID, name: "")
        try apply(input, party: party, to: account)
        try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: account,
                                  creating: true, by: context)
        let now = store.now()
        return try await store.write { database in
            if !allowDuplicate {
                try await DuplicateFinder.refuseDuplicates(Account.self, phoneKeys: party.phoneKeys ?? [], emailKeys: party.emailKeys ?? [],
                                                           nameKey: account.nameKey, excluding: nil, in: context, on: database)
            }
            try await account.create(on: database)
            try await SalesRecords.afterWrite(account, party: party, action: .create, before: nil, by: context, at: now, on: database)
            return account
        }
    }

    public func update(_ id: UUID, _ input: AccountInput, expectedVersion: Int?, allowDuplicate: Bool, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Account {
        try context.require(.accounts, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        let party = input.party.cleaned(into: &validator)
        try await validateReferences(input, accountID: id, into: &validator, in: context)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let account = try await SalesRecords.lockForUpdate(Account.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = account.auditSnapshot
            try apply(input, party: party, to: account)
            try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: account,
                                      creating: false, by: context)
            let identityChanged = party.phoneKeys != nil || party.emailKeys != nil || input.provided.contains("name")
            if !allowDuplicate && identityChanged {
                try await DuplicateFinder.refuseDuplicates(
                    Account.self, phoneKeys: party.phoneKeys ?? [], emailKeys: party.emailKeys ?? [],
                    nameKey: input.provided.contains("name") ? account.nameKey : nil, excluding: id, in: context, on: database)
            }
            try await account.update(on: database)
            try await SalesRecords.afterWrite(account, party: party, action: .update, before: before, by: context, at: now, on: database)
            return account
        }
    }

    /// Soft delete: the account leaves every list and lookup; administrators can restore it.
    /// Live accounts this one looks like (same phone, email or name) that the actor may read.
    public func duplicates(of id: UUID, in context: RequestContext) async throws -> [DuplicateCandidate] {
        try await duplicates(of: try await find(id, in: context), in: context)
    }

    /// As above for an account the caller has just read.
    public func duplicates(of account: Account, in context: RequestContext) async throws -> [DuplicateCandidate] {
        try await DuplicateFinder.find(
            Account.self, phoneKeys: ContactPoints.keys(of: account.phones), emailKeys: ContactPoints.keys(of: account.emails),
            nameKey: account.nameKey, excluding: account.id!, in: context, on: store.database).visible
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(Account.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    public func restore(_ id: UUID, by context: RequestContext) async throws -> Account {
        try await SalesRecords.restore(Account.self, id, by: context, at: store.now(), store: store)
    }

    func apply(_ input: AccountInput, party: PartyInput.Clean, to account: Account) throws {
        let provided = input.provided
        if provided.contains("name"), let name = input.name {
            account.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if provided.contains("kind"), let kind = input.kind { account.kind = kind }
        if provided.contains("industry") { account.industry = PartyInput.trimmed(input.industry) }
        if provided.contains("website") { account.website = PartyInput.trimmed(input.website) }
        if provided.contains("national_id") { account.nationalID = input.nationalID.flatMap(IranianIdentifier.legalEntityID) }
        if provided.contains("economic_code") { account.economicCode = input.economicCode.flatMap(IranianIdentifier.economicCode) }
        if provided.contains("parent_id") { account.parentID = input.parentID }
        if provided.contains("description") { account.details = PartyInput.trimmed(input.description) }
        if let phones = party.phones { account.phones = phones }
        if let emails = party.emails { account.emails = emails }
        if let address = party.address { account.address.apply(address) }
        if let tags = party.tags { account.tags = tags }
        account.refreshMatchingKeys()
    }

    /// The parent must be another live account of the organisation, and not one of this
    /// account's own descendants (no cycles).
    private func validateReferences(_ input: AccountInput, accountID: UUID?, into validator: inout FieldValidator,
                                    in context: RequestContext) async throws {
        try await RecordOwnership.validate(userID: input.ownerUserID, teamID: input.ownerTeamID, into: &validator,
                                           in: context, on: store.database)
        guard input.provided.contains("parent_id"), let parentID = input.parentID else { return }
        var cursor: UUID? = parentID
        var steps = 0
        while let current = cursor, steps < 50 {
            if current == accountID { validator.add("parent_id", .invalidFormat); return }
            guard let parent = try await Account.query(on: store.database).scoped(to: context).filter(\.$id == current).first() else {
                if current == parentID { validator.add("parent_id", .referencedRecordMissing) }
                return
            }
            cursor = parent.parentID
            steps += 1
        }
    }
}
