import FluentKit
import Foundation

/// A quote as a client sends it; `lines` replaces every line when given.
public struct QuoteInput: Sendable {
    public var provided: Set<String>
    public var accountID: UUID?
    public var contactID: UUID?
    public var opportunityID: UUID?
    public var priceListID: UUID?
    public var currency: String?
    public var validUntil: String?
    public var notes: String?
    public var lines: [LineInput]?

    public init(provided: Set<String>, accountID: UUID? = nil, contactID: UUID? = nil, opportunityID: UUID? = nil, priceListID: UUID? = nil,
                currency: String? = nil, validUntil: String? = nil, notes: String? = nil, lines: [LineInput]? = nil) {
        self.provided = provided
        self.accountID = accountID
        self.contactID = contactID
        self.opportunityID = opportunityID
        self.priceListID = priceListID
        self.currency = currency
        self.validUntil = validUntil
        self.notes = notes
        self.lines = lines
    }
}

/// The only writer of quotes. Only drafts change; sending, accepting, rejecting and expiring
/// follow the allowed transitions, and accepting makes the order in the same transaction.
public struct QuoteService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Quote>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("number", kind: .text), SortableColumn("total", column: "total_minor", kind: .integer),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    /// Which status each action may start from, and where it leads.
    static let transitions: [Quote.Status: (from: Set<Quote.Status>, action: String)] = [
        .sent: ([.draft], "send"), .accepted: ([.sent], "accept"), .rejected: ([.sent], "reject"), .expired: ([.draft, .sent], "expire"),
    ]

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Quote> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    /// Hands the quote to another user or team (see `SalesRecords.assign`).
    public func assign(_ id: UUID, toUser userID: UUID?, team teamID: UUID?, expectedVersion: Int?,
                       by context: RequestContext) async throws -> Quote {
        try await SalesRecords.assign(Quote.self, id, toUser: userID, team: teamID, expectedVersion: expectedVersion, by: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> (Quote, [DocumentLine]) {
        let quote = try await SalesRecords.find(Quote.self, id, for: .read, in: context, on: store.database)
        return (quote, try await DocumentLines.lines(of: id, in: context, on: store.database))
    }

    public func create(_ input: QuoteInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> (Quote, [DocumentLine]) {
        let (quote, lines) = try await preview(input, in: context, readProblems: readProblems)
        quote.ownerUserID = context.userID
        let now = store.now()
        return try await store.write { [lines] database in
            quote.number = try await DocumentNumbers.next(.quote, organisationID: context.organisationID, at: now, on: database)
            quote.searchText = SearchText.document([quote.number, quote.notes])
            try await quote.create(on: database)
            try await DocumentLines.replace(lines, of: quote.id!, in: context, on: database)
            try await SalesRecords.recordChange(quote, action: .create, before: nil, by: context, at: now, on: database)
            return (quote, lines)
        }
    }

    /// The quote `create` would make, its lines priced and totalled by the server, without
    /// saving it: the editor's live totals are these numbers.
    public func preview(_ input: QuoteInput, in context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> (Quote, [DocumentLine]) {
        try context.require(.quotes, .create)
        var validator = readProblems
        if input.accountID == nil { validator.add("account_id", .required) }
        var currency = input.currency ?? Money.defaultCurrency
        if input.currency == nil, let organisation = try await Organisation.find(context.organisationID, on: store.database) {
            currency = organisation.currency
        }
        let quote = Quote(organisationID: context.organisationID, accountID: input.accountID ?? UUID(), currency: currency)
        try await validate(input, into: &validator, in: context)
        var lines = try await DocumentLines.build(input.lines ?? [], for: .quote, documentID: quote.id!, currency: currency,
                                                  priceListID: input.priceListID, into: &validator, in: context, store: store)
        try validator.check()
        // A quote for an opportunity starts from the products the opportunity lists.
        if input.lines == nil, let opportunityID = input.opportunityID,
           let opportunity = try await Opportunity.query(on: store.database).scoped(to: context).filter(\.$id == opportunityID).first(),
           opportunity.currency == currency {
            lines = try await DocumentLines.lines(of: opportunityID, in: context, on: store.database).enumerated()
                .map { $1.copy(to: .quote, documentID: quote.id!, position: $0) }
        }
        apply(input, to: quote)
        try DocumentLines.total(quote, lines)
        return (quote, lines)
    }

    public func update(_ id: UUID, _ input: QuoteInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> (Quote, [DocumentLine]) {
        try context.require(.quotes, .update)
        var validator = readProblems
        try await validate(input, into: &validator, in: context)
        let (current, _) = try await find(id, in: context)
        var lines: [DocumentLine]?
        if let inputs = input.lines {
            lines = try await DocumentLines.build(inputs, for: .quote, documentID: id, currency: current.currency,
                                                  priceListID: input.provided.contains("price_list_id") ? input.priceListID : current.priceListID,
                                                  into: &validator, in: context, store: store)
        }
        try validator.check()
        let now = store.now()
        return try await store.write { [lines] database in
            let quote = try await SalesRecords.lockForUpdate(Quote.self, id, expectedVersion: expectedVersion, in: context, on: database)
            guard quote.status == Quote.Status.draft.rawValue else {
                throw SalesError.invalidTransition(field: "status", from: quote.status, to: Quote.Status.draft.rawValue)
            }
            let before = quote.auditSnapshot
            apply(input, to: quote)
            if let lines {
                try DocumentLines.total(quote, lines)
                try await DocumentLines.replace(lines, of: id, in: context, on: database)
            }
            quote.searchText = SearchText.document([quote.number, quote.notes])
            try await quote.update(on: database)
            try await SalesRecords.recordChange(quote, action: .update, before: before, by: context, at: now, on: database)
            return (quote, try await DocumentLines.lines(of: id, in: context, on: database))
        }
    }

    /// Only drafts are deleted; a sent quote is part of the record and is expired or rejected instead.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try context.require(.quotes, .delete)
        let (quote, _) = try await find(id, in: context)
        guard quote.status == Quote.Status.draft.rawValue else {
            throw SalesError.invalidTransition(field: "status", from: quote.status, to: "deleted")
        }
        try await SalesRecords.softDelete(Quote.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    /// Moves the quote to `status`; accepting also makes the order and marks the account a customer.
    public func transition(_ id: UUID, to status: Quote.Status, expectedVersion: Int?,
                           by context: RequestContext) async throws -> (quote: Quote, order: SalesOrder?) {
        try context.require(.quotes, .update)
        guard let rule = Self.transitions[status] else { throw SalesError.invalidTransition(field: "status", from: "", to: status.rawValue) }
        if status == .accepted { try context.require(.orders, .create) }
        let now = store.now()
        return try await store.write { database in
            let quote = try await SalesRecords.lockForUpdate(Quote.self, id, expectedVersion: expectedVersion, in: context, on: database)
            guard let current = Quote.Status(rawValue: quote.status), rule.from.contains(current) else {
                throw SalesError.invalidTransition(field: "status", from: quote.status, to: status.rawValue)
            }
            let lines = try await DocumentLines.lines(of: id, in: context, on: database)
            if status == .sent && lines.isEmpty { throw ValidationFailure([FieldError(field: "lines", code: .required)]) }
            let before = quote.auditSnapshot
            quote.status = status.rawValue
            if status == .sent { quote.sentAt = now } else { quote.decidedAt = now }
            try await quote.update(on: database)
            try await SalesRecords.recordChange(quote, action: .update, before: before, by: context, at: now, on: database)
            guard status == .accepted else { return (quote, nil) }
            let order = try await OrderService.make(from: quote, lines: lines, by: context, at: now, on: database)
            try await Self.markCustomer(quote.accountID, by: context, at: now, on: database)
            try await Self.winOpportunity(quote.opportunityID, by: context, at: now, on: database)
            return (quote, order)
        }
    }

    /// An account becomes a customer when one of its quotes is won (seed 000).
    private static func markCustomer(_ accountID: UUID, by context: RequestContext, at now: Date, on database: any Database) async throws {
        guard let account = try await Account.query(on: database).scoped(to: context).filter(\.$id == accountID).first(),
              account.kind != Account.Kind.customer.rawValue || account.becameCustomerAt == nil
        else { return }
        let before = account.auditSnapshot
        account.kind = Account.Kind.customer.rawValue
        account.becameCustomerAt = account.becameCustomerAt ?? now
        account.version += 1
        try await account.update(on: database)
        try await SalesRecords.recordChange(account, action: .update, before: before, by: context, at: now, on: database)
    }

    /// Accepting a quote wins the open opportunity it was made for: it enters its pipeline's won
    /// stage, with the stage change kept for the pipeline's history.
    private static func winOpportunity(_ id: UUID?, by context: RequestContext, at now: Date, on database: any Database) async throws {
        guard let id, let opportunity = try await Opportunity.query(on: database).scoped(to: context).filter(\.$id == id).first(),
              opportunity.status == Opportunity.Status.open.rawValue,
              let won = try await PipelineStage.query(on: database).scoped(to: context).filter(\.$pipelineID == opportunity.pipelineID)
                .filter(\.$outcome == PipelineStage.Outcome.won.rawValue).sort(\.$position).first()
        else { return }
        let before = opportunity.auditSnapshot
        let fromStage = opportunity.stageID
        opportunity.stageID = won.id!
        opportunity.status = Opportunity.Status.won.rawValue
        opportunity.closedAt = now
        opportunity.version += 1
        try await opportunity.update(on: database)
        try await OpportunityStageChange(organisationID: context.organisationID, opportunityID: id, fromStageID: fromStage, toStageID: won.id!,
                                         amountMinor: opportunity.amountMinor, changedBy: context.userID, changedAt: now).create(on: database)
        try await SalesRecords.recordChange(opportunity, action: .update, before: before, by: context, at: now, on: database)
    }

    private func apply(_ input: QuoteInput, to quote: Quote) {
        let provided = input.provided
        if let accountID = input.accountID { quote.accountID = accountID }
        if provided.contains("contact_id") { quote.contactID = input.contactID }
        if provided.contains("opportunity_id") { quote.opportunityID = input.opportunityID }
        if provided.contains("price_list_id") { quote.priceListID = input.priceListID }
        if provided.contains("valid_until") { quote.validUntil = input.validUntil.flatMap(CalendarDay.parse) }
        if provided.contains("notes") { quote.notes = PartyInput.trimmed(input.notes) }
    }

    private func validate(_ input: QuoteInput, into validator: inout FieldValidator, in context: RequestContext) async throws {
        let database = store.database
        if let currency = input.currency, !OpportunityInput.isCurrencyCode(currency) { validator.add("currency", .invalidFormat) }
        if let validUntil = input.validUntil, CalendarDay.parse(validUntil) == nil { validator.add("valid_until", .invalidFormat) }
        validator.text(input.notes, "notes", required: false, max: 10_000)
        if let id = input.accountID, try await Account.query(on: database).scoped(to: context, for: .read).filter(\.$id == id).count() == 0 {
            validator.add("account_id", .referencedRecordMissing)
        }
        if let id = input.contactID, try await Contact.query(on: database).scoped(to: context, for: .read).filter(\.$id == id).count() == 0 {
            validator.add("contact_id", .referencedRecordMissing)
        }
        if let id = input.opportunityID,
           try await Opportunity.query(on: database).scoped(to: context, for: .read).filter(\.$id == id).count() == 0 {
            validator.add("opportunity_id", .referencedRecordMissing)
        }
        if let id = input.priceListID, try await PriceList.query(on: database).scoped(to: context).filter(\.$id == id).count() == 0 {
            validator.add("price_list_id", .referencedRecordMissing)
        }
    }
}
