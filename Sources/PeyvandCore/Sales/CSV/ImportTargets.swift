import FluentKit
import Foundation

/// How rows become records of one resource: building a new record, updating an existing one,
/// what makes two records "the same" for the duplicate policy, and what is written with them.
protocol ImportTarget: Sendable {
    associatedtype Record: SalesRecord
    /// What a row sets besides the record's own columns and is written with it (a party's phone
    /// and e-mail keys and tags).
    associatedtype Extras: Sendable
    /// Looks up what rows refer to by name (contacts: their account), once per batch.
    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws
    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Record, Extras)?
    func update(_ record: Record, with values: [String: String], into validator: inout FieldValidator) throws -> Extras?
    /// The keys under which two records are the same (`phone:…`, `name:…`, `sku:…`).
    func matchKeys(of record: Record, _ extras: Extras) -> [String]
    /// The live records of the organisation sharing a match key with any of `records`, by key.
    func existingMatches(for records: [(Record, Extras)], in context: RequestContext, on database: any Database) async throws -> [String: UUID]
    /// What a record built earlier in the file carries once a later row of the file has updated it.
    func extras(of record: Record) -> Extras
    /// The field no two live records may share (a product's `sku`), so `duplicates=create` refuses
    /// the row instead; nil when twins are allowed.
    var uniqueField: String? { get }
    /// Writes new records in bulk with what belongs to them, their audit entries and events.
    func insert(_ records: [(Record, Extras)], by context: RequestContext, at now: Date, on database: any Database) async throws
    /// Writes what belongs to an updated record, its audit entry and event.
    func afterUpdate(_ record: Record, _ extras: Extras, before: [String: JSONValue], by context: RequestContext, at now: Date,
                     on database: any Database) async throws
}

extension ImportTarget {
    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws {}
    var uniqueField: String? { nil }

    /// The records themselves with their audit entries and outbox events, in a few multi-row statements.
    func insertRecords(_ records: [Record], by context: RequestContext, at now: Date, on database: any Database) async throws {
        guard !records.isEmpty else { return }
        try await records.create(on: database)
        var audit: [[any Encodable & Sendable]] = [], events: [[any Encodable & Sendable]] = []
        for record in records {
            let snapshot = record.auditSnapshot
            audit.append([UUIDv7.make(at: now), context.organisationID, context.userID, AuditAction.create.rawValue, Record.auditType,
                          record.id!, try JSONValue.encodeToString(AuditTrail.diff(before: [:], after: snapshot)), context.requestID, now])
            events.append([UUIDv7.make(at: now), context.organisationID, "\(Record.auditType).created", Record.auditType, record.id!,
                           try JSONValue.encodeToString(snapshot), now])
        }
        try await BulkInsert.rows(into: AuditEntry.schema, columns: ["id", "org_id", "actor_user_id", "action", "record_type", "record_id",
                                                                     "changes", "request_id", "occurred_at"], values: audit, on: database)
        try await BulkInsert.rows(into: OutboxEvent.schema, columns: ["id", "org_id", "event_type", "record_type", "record_id", "payload",
                                                                      "created_at"], values: events, on: database)
    }
}

/// Accounts, contacts and leads: the same when they share a phone, an e-mail or a name identity;
/// their phone and e-mail keys and tags are written with them.
protocol PartyImportTarget: ImportTarget where Record: PartyRecord, Extras == PartyInput.Clean {
    /// The name key plus what else must be equal for a name match (a contact's account, a lead's company).
    func nameIdentity(of record: Record) -> String
}

extension PartyImportTarget {
    func matchKeys(of record: Record, _ party: PartyInput.Clean) -> [String] {
        (party.phoneKeys ?? []).map { "phone:\($0)" } + (party.emailKeys ?? []).map { "email:\($0)" } + ["name:\(nameIdentity(of: record))"]
    }

    func existingMatches(for records: [(Record, PartyInput.Clean)], in context: RequestContext,
                         on database: any Database) async throws -> [String: UUID] {
        var phones = Set<String>(), emails = Set<String>(), names = Set<String>()
        for (record, party) in records {
            phones.formUnion(party.phoneKeys ?? [])
            emails.formUnion(party.emailKeys ?? [])
            names.insert(record[keyPath: Record.nameKeyField].value ?? "")
        }
        var matches: [String: UUID] = [:]
        for (kind, keys) in [(ContactPoint.Kind.phone, phones), (.email, emails)] where !keys.isEmpty {
            let points = try await ContactPoint.query(on: database).scoped(to: context).filter(\.$recordType == Record.auditType)
                .filter(\.$kind == kind.rawValue).filter(\.$key ~~ Array(keys)).all()
            for point in points { matches["\(kind.rawValue):\(point.key)"] = point.recordID }
        }
        let named = try await Record.query(on: database).scoped(to: context).filter(Record.nameKeyField ~~ Array(names)).all()
        for record in named { matches["name:\(nameIdentity(of: record))"] = record.id }
        // Points of deleted records do not count: keep only ids of live records.
        let liveIDs = Set(try await Record.query(on: database).scoped(to: context).filter(\._$id ~~ Array(Set(matches.values))).all().compactMap(\.id))
        return matches.filter { liveIDs.contains($0.value) }
    }

    func extras(of record: Record) -> PartyInput.Clean {
        PartyInput.Clean(phones: record.phones, phoneKeys: ContactPoints.keys(of: record.phones), emails: record.emails,
                         emailKeys: ContactPoints.keys(of: record.emails), address: nil, tags: record.tags)
    }

    func insert(_ records: [(Record, PartyInput.Clean)], by context: RequestContext, at now: Date, on database: any Database) async throws {
        try await insertRecords(records.map(\.0), by: context, at: now, on: database)
        var points: [[any Encodable & Sendable]] = [], tags: [[any Encodable & Sendable]] = []
        for (record, _) in records {
            let party = extras(of: record)
            for key in party.phoneKeys ?? [] {
                points.append([UUIDv7.make(), context.organisationID, Record.auditType, record.id!, ContactPoint.Kind.phone.rawValue, key])
            }
            for key in party.emailKeys ?? [] {
                points.append([UUIDv7.make(), context.organisationID, Record.auditType, record.id!, ContactPoint.Kind.email.rawValue, key])
            }
            for tag in Set((party.tags ?? []).map(RecordTags.key)) {
                tags.append([UUIDv7.make(), context.organisationID, Record.auditType, record.id!, tag])
            }
        }
        try await BulkInsert.rows(into: ContactPoint.schema, columns: ["id", "org_id", "record_type", "record_id", "kind", "key"],
                                  values: points, on: database)
        try await BulkInsert.rows(into: RecordTag.schema, columns: ["id", "org_id", "record_type", "record_id", "tag"], values: tags, on: database)
    }

    func afterUpdate(_ record: Record, _ party: PartyInput.Clean, before: [String: JSONValue], by context: RequestContext, at now: Date,
                     on database: any Database) async throws {
        try await SalesRecords.afterWrite(record, party: party, action: .update, before: before, by: context, at: now, on: database)
    }
}

struct AccountImport: PartyImportTarget {
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
final class ContactImport: PartyImportTarget, @unchecked Sendable {
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

struct LeadImport: PartyImportTarget {
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

/// Products are the same when their SKUs are (letter case and digit forms aside); a SKU is
/// unique among live products, so `duplicates=create` refuses a taken one.
final class ProductImport: ImportTarget, @unchecked Sendable {
    /// New products are priced in the organisation's currency unless the row names one.
    private var organisationCurrency = Money.defaultCurrency

    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws {
        organisationCurrency = try await ProductService.organisationCurrency(context, on: database)
    }

    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Product, Void)? {
        let input = ImportRows.product(values, into: &validator)
        input.validate(creating: true, into: &validator)
        guard validator.errors.isEmpty else { return nil }
        let product = Product(organisationID: context.organisationID, sku: "", currency: organisationCurrency)
        ProductService.apply(input, to: product)
        product.ownerUserID = context.userID
        return (product, ())
    }

    func update(_ product: Product, with values: [String: String], into validator: inout FieldValidator) throws -> Void? {
        let input = ImportRows.product(values, existing: product, into: &validator)
        input.validate(creating: false, into: &validator)
        guard validator.errors.isEmpty else { return nil }
        ProductService.apply(input, to: product)
        return ()
    }

    func matchKeys(of product: Product, _: Void) -> [String] { ["sku:\(product.skuKey)"] }

    func existingMatches(for records: [(Product, Void)], in context: RequestContext, on database: any Database) async throws -> [String: UUID] {
        let keys = Set(records.map(\.0.skuKey))
        guard !keys.isEmpty else { return [:] }
        // Every live product of the organisation counts, readable or not: SKUs are unique among them all.
        let products = try await Product.query(on: database).scoped(to: context).filter(\.$skuKey ~~ Array(keys)).all()
        return Dictionary(products.map { ("sku:\($0.skuKey)", $0.id!) }, uniquingKeysWith: { first, _ in first })
    }

    func extras(of product: Product) {}

    var uniqueField: String? { "sku" }

    func insert(_ records: [(Product, Void)], by context: RequestContext, at now: Date, on database: any Database) async throws {
        try await insertRecords(records.map(\.0), by: context, at: now, on: database)
    }

    func afterUpdate(_ product: Product, _: Void, before: [String: JSONValue], by context: RequestContext, at now: Date,
                     on database: any Database) async throws {
        try await SalesRecords.recordChange(product, action: .update, before: before, by: context, at: now, on: database)
    }
}
