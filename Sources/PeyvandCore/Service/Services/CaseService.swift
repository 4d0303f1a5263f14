import FluentKit
import Foundation
import SQLKit

/// The only writer of cases, their comments and links. Every write saves the case, its audit
/// entry and its outbox event in one transaction.
///
/// Status moves follow `SupportCase.Status.next`; anything else is a 409 `invalid-transition`.
/// Timestamps: `first_response_at` is set the first time an agent answers, that is the first
/// public comment or the first move out of `new` to `in_progress`, `waiting_on_customer` or
/// `resolved`, whichever comes first; `resolved_at` / `closed_at` are set by those moves and
/// cleared by a reopen.
public struct CaseService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<SupportCase>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("number", kind: .text), SortableColumn("title", kind: .text), SortableColumn("status", kind: .text),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<SupportCase> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> SupportCase {
        try await SalesRecords.find(SupportCase.self, id, for: .read, in: context, on: store.database)
    }

    /// The live cases linked to this one that the actor may read, by number.
    public func related(to id: UUID, in context: RequestContext) async throws -> [SupportCase] {
        let links = try await CaseLink.query(on: store.database).scoped(to: context).filter(\.$caseID == id).all().map(\.relatedCaseID)
        guard !links.isEmpty else { return [] }
        return try await SupportCase.query(on: store.database).scoped(to: context, for: .read).filter(\.$id ~~ links).sort(\.$number).all()
    }

    public func create(_ input: CaseInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> SupportCase {
        try context.require(.cases, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        try await validateReferences(input, caseID: nil, into: &validator, in: context)
        try validator.check()
        if let owner = input.ownerUserID, owner != context.userID,
           !context.may(.assign, on: .cases, ownerUserID: owner, ownerTeamID: nil) {
            throw PlatformError.forbidden(.cases, .assign)
        }
        let now = store.now()
        return try await store.write { database in
            let number = try await DocumentNumbers.next(series: "case", prefix: "C", organisationID: context.organisationID, at: now, on: database)
            let supportCase = SupportCase(organisationID: context.organisationID, number: number, title: "")
            Self.apply(input, to: supportCase)
            if input.ownerUserID != nil || input.queueID != nil {
                supportCase.ownerUserID = input.ownerUserID
                supportCase.queueID = input.queueID
                if let queueID = input.queueID, input.ownerUserID == nil,
                   let queue = try await ServiceQueue.query(on: database).scoped(to: context).filter(\.$id == queueID).first() {
                    supportCase.ownerUserID = try await CaseRouting.member(of: queue, on: database)
                }
            } else if let routed = try await CaseRouting.route(supportCase, organisationID: context.organisationID, on: database) {
                supportCase.queueID = routed.queue.id
                supportCase.ownerUserID = routed.userID
            } else {
                supportCase.ownerUserID = context.userID
            }
            try await CaseCoverage.cover(supportCase, choosing: input.contractID.map { .named($0) } ?? .automatic,
                                         organisationID: context.organisationID, at: now, store: store, on: database)
            try await supportCase.create(on: database)
            if let related = input.relatedCaseIDs {
                try await Self.replaceLinks(of: supportCase.id!, with: related, organisationID: context.organisationID, at: now, on: database)
            }
            try await SalesRecords.recordChange(supportCase, action: .create, before: nil, by: context, at: now, on: database)
            return supportCase
        }
    }

    public func update(_ id: UUID, _ input: CaseInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> SupportCase {
        try context.require(.cases, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        try await validateReferences(input, caseID: id, into: &validator, in: context)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let supportCase = try await SalesRecords.lockForUpdate(SupportCase.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = supportCase.auditSnapshot
            let (accountBefore, priorityBefore, contractBefore) = (supportCase.accountID, supportCase.priority, supportCase.contractID)
            Self.apply(input, to: supportCase)
            try await Self.checkContactBelongsToAccount(supportCase, on: database)
            try await Self.reassign(supportCase, input, by: context, on: database)
            if input.provided.contains("contract_id") && input.contractID != contractBefore {
                try await CaseCoverage.cover(supportCase, choosing: input.contractID.map { .named($0) } ?? .none,
                                             organisationID: context.organisationID, at: now, store: store, on: database)
            } else if supportCase.accountID != accountBefore {
                try await CaseCoverage.cover(supportCase, choosing: .automatic, organisationID: context.organisationID, at: now,
                                             store: store, on: database)
            } else if supportCase.priority != priorityBefore {
                try await CaseCoverage.retarget(supportCase, organisationID: context.organisationID, at: now, store: store, on: database)
            }
            if input.provided.contains("status"), let raw = input.status, let target = SupportCase.Status(rawValue: raw) {
                let resolving = target == .resolved && supportCase.status != target.rawValue
                try Self.move(supportCase, to: target, resolution: input.resolution, at: now,
                              calendar: try await slaCalendar(of: supportCase, at: now, on: database))
                if resolving { try await CaseSatisfaction.invite(supportCase, publicURL: store.publicURL, at: now, on: database) }
            } else if input.provided.contains("resolution") {
                supportCase.resolution = PartyInput.trimmed(input.resolution)
            }
            try await supportCase.update(on: database)
            if let related = input.relatedCaseIDs {
                try await Self.replaceLinks(of: supportCase.id!, with: related, organisationID: context.organisationID, at: now, on: database)
            }
            try await SalesRecords.recordChange(supportCase, action: .update, before: before, by: context, at: now, on: database)
            return supportCase
        }
    }

    /// `POST /cases/{id}/resolve`: a resolution text is required.
    public func resolve(_ id: UUID, resolution: String?, expectedVersion: Int?, by context: RequestContext) async throws -> SupportCase {
        var validator = FieldValidator()
        validator.text(resolution, "resolution", required: true, max: 20_000)
        try validator.check()
        return try await transition(id, to: .resolved, resolution: resolution, expectedVersion: expectedVersion, by: context)
    }

    public func close(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws -> SupportCase {
        try await transition(id, to: .closed, resolution: nil, expectedVersion: expectedVersion, by: context)
    }

    /// Back to `in_progress` from `resolved` or `closed`; from any other status it is a 409.
    public func reopen(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws -> SupportCase {
        try await transition(id, to: .inProgress, resolution: nil, expectedVersion: expectedVersion, by: context, reopening: true)
    }

    public func transition(_ id: UUID, to target: SupportCase.Status, resolution: String?, expectedVersion: Int?,
                           by context: RequestContext, reopening: Bool = false) async throws -> SupportCase {
        try context.require(.cases, .update)
        let now = store.now()
        return try await store.write { database in
            let supportCase = try await SalesRecords.lockForUpdate(SupportCase.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = supportCase.auditSnapshot
            let current = SupportCase.Status(rawValue: supportCase.status) ?? .new
            if reopening && current.isOpen || current == target {
                throw SalesError.invalidTransition(field: "status", from: current.rawValue, to: target.rawValue)
            }
            try Self.move(supportCase, to: target, resolution: resolution, at: now,
                          calendar: try await slaCalendar(of: supportCase, at: now, on: database))
            if target == .resolved { try await CaseSatisfaction.invite(supportCase, publicURL: store.publicURL, at: now, on: database) }
            try await supportCase.update(on: database)
            try await SalesRecords.recordChange(supportCase, action: .update, before: before, by: context, at: now, on: database)
            return supportCase
        }
    }

    /// The calendar a status move needs to count a pause in working time (only cases with a clock).
    private func slaCalendar(of supportCase: SupportCase, at now: Date, on database: any Database) async throws -> BusinessCalendar? {
        guard supportCase.slaStartedAt != nil else { return nil }
        return try await BusinessCalendarService(store: store).calendar(organisationID: supportCase.organisationID, around: now, on: database)
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(SupportCase.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    public func restore(_ id: UUID, by context: RequestContext) async throws -> SupportCase {
        try await SalesRecords.restore(SupportCase.self, id, by: context, at: store.now(), store: store)
    }

    // MARK: comments

    public func comments(of id: UUID, in context: RequestContext) async throws -> [CaseComment] {
        _ = try await find(id, in: context)
        return try await CaseComment.query(on: store.database).scoped(to: context).filter(\.$caseID == id)
            .sort(\.$createdAt).sort(\.$id).all()
    }

    /// Adds a comment (needs `update` on the case). A first public comment is the first response.
    public func comment(on id: UUID, body: String?, visibility: String?, by context: RequestContext,
                        readProblems: FieldValidator = FieldValidator()) async throws -> CaseComment {
        try context.require(.cases, .update)
        var validator = readProblems
        validator.text(body, "body", required: true, max: 20_000)
        validator.oneOf(visibility, CaseComment.Visibility.self, "visibility")
        try validator.check()
        let kind = visibility.flatMap(CaseComment.Visibility.init(rawValue:)) ?? .internal
        let text = body!.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = store.now()
        return try await store.write { database in
            try await Self.writeComment(on: id, kind: kind, text: text, by: context, at: now, on: database)
        }
    }

    /// A comment inside the caller's write (a reply by e-mail adds its message in the same one).
    static func writeComment(on id: UUID, kind: CaseComment.Visibility, text: String, by context: RequestContext, at now: Date,
                             on database: any Database) async throws -> CaseComment {
        var supportCase = try await SalesRecords.find(SupportCase.self, id, for: .update, in: context, on: database)
        if kind == .public && supportCase.firstResponseAt == nil {
            supportCase = try await SalesRecords.lockForUpdate(SupportCase.self, id, expectedVersion: nil, in: context, on: database)
            let before = supportCase.auditSnapshot
            supportCase.firstResponseAt = now
            try await supportCase.update(on: database)
            try await SalesRecords.recordChange(supportCase, action: .update, before: before, by: context, at: now, on: database)
        }
        let comment = CaseComment(organisationID: context.organisationID, caseID: id, authorUserID: context.userID,
                                  visibility: kind, body: text, at: now)
        try await comment.create(on: database)
        try await AuditTrail.record(.create, of: comment, by: context, at: now, on: database)
        try await Outbox.append("case.commented", recordType: SupportCase.auditType, recordID: id, payload: comment.auditSnapshot,
                                organisationID: context.organisationID, at: now, on: database)
        return comment
    }

    // MARK: rules

    /// Moves the status, setting and clearing the lifecycle timestamps and stopping or restarting
    /// the SLA clocks: they stop while the case waits on the customer and between a resolution
    /// and a reopen.
    static func move(_ supportCase: SupportCase, to target: SupportCase.Status, resolution: String?, at now: Date,
                     calendar: BusinessCalendar?) throws {
        let current = SupportCase.Status(rawValue: supportCase.status) ?? .new
        if target == current {
            if let resolution, target == .resolved { supportCase.resolution = PartyInput.trimmed(resolution) }
            return
        }
        guard current.next.contains(target) else {
            throw SalesError.invalidTransition(field: "status", from: current.rawValue, to: target.rawValue)
        }
        if current == .waitingOnCustomer {
            CaseSLA.resume(supportCase, pausedSince: supportCase.slaPausedSince, at: now, calendar: calendar)
        }
        switch target {
        case .new:
            break
        case .inProgress, .waitingOnCustomer:
            if supportCase.firstResponseAt == nil { supportCase.firstResponseAt = now }
            if !current.isOpen {
                CaseSLA.clearAlerts(of: .resolution, on: supportCase)
                supportCase.resolvedAt = nil
                CaseSLA.resume(supportCase, pausedSince: supportCase.slaPausedSince, at: now, calendar: calendar)
                supportCase.closedAt = nil
            }
            if target == .waitingOnCustomer { CaseSLA.pause(supportCase, at: now) }
        case .resolved:
            let text = PartyInput.trimmed(resolution) ?? supportCase.resolution
            guard let text, !text.isEmpty else { throw ValidationFailure([FieldError(field: "resolution", code: .required)]) }
            supportCase.resolution = text
            supportCase.resolvedAt = now
            if supportCase.firstResponseAt == nil { supportCase.firstResponseAt = now }
            // From here to a reopen counts as a pause; it starts now, so `resume` can count it.
            if supportCase.slaStartedAt != nil { supportCase.slaPausedSince = now }
        case .closed:
            break
        }
        if target == .closed { supportCase.closedAt = now }
        supportCase.status = target.rawValue
    }

    static func apply(_ input: CaseInput, to supportCase: SupportCase) {
        let provided = input.provided
        if provided.contains("title"), let title = input.title { supportCase.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("description") { supportCase.details = PartyInput.trimmed(input.description) }
        if let type = input.type { supportCase.type = type }
        if let channel = input.channel { supportCase.channel = channel }
        if let priority = input.priority { supportCase.priority = priority }
        if provided.contains("account_id") { supportCase.accountID = input.accountID }
        if provided.contains("contact_id") { supportCase.contactID = input.contactID }
        if provided.contains("product_id") { supportCase.productID = input.productID }
        if provided.contains("product_model") { supportCase.productModel = PartyInput.trimmed(input.productModel) }
        if provided.contains("serial_number") { supportCase.serialNumber = PartyInput.trimmed(input.serialNumber) }
        if provided.contains("category") {
            supportCase.category = PartyInput.trimmed(input.category)
            supportCase.categoryKey = supportCase.category.map(PersianText.compacted)
        }
        if provided.contains("language") { supportCase.language = input.language }
        if provided.contains("time_spent_minutes") { supportCase.timeSpentMinutes = input.timeSpentMinutes }
        supportCase.searchText = SearchText.document([supportCase.number, supportCase.title, supportCase.details, supportCase.category,
                                                      supportCase.productModel, supportCase.serialNumber])
    }

    /// Owner changes on update: naming a user needs `assign` for them; naming a queue alone lets
    /// the queue pick a member; a case must keep a user or a queue.
    private static func reassign(_ supportCase: SupportCase, _ input: CaseInput, by context: RequestContext, on database: any Database) async throws {
        let provided = input.provided
        guard provided.contains("owner_id") || provided.contains("queue_id") else { return }
        var newUser = provided.contains("owner_id") ? input.ownerUserID : supportCase.ownerUserID
        let newQueue = provided.contains("queue_id") ? input.queueID : supportCase.queueID
        if provided.contains("queue_id") && !provided.contains("owner_id"), let queueID = newQueue, queueID != supportCase.queueID,
           let queue = try await ServiceQueue.query(on: database).scoped(to: context).filter(\.$id == queueID).first() {
            newUser = try await CaseRouting.member(of: queue, on: database)
        }
        if newUser == nil && newQueue == nil { throw ValidationFailure([FieldError(field: "owner_id", code: .required)]) }
        if newUser != supportCase.ownerUserID || newQueue != supportCase.queueID {
            guard context.may(.assign, on: .cases, ownerUserID: newUser ?? supportCase.ownerUserID, ownerTeamID: nil)
            else { throw PlatformError.forbidden(.cases, .assign) }
        }
        supportCase.ownerUserID = newUser
        supportCase.queueID = newQueue
    }

    private static func checkContactBelongsToAccount(_ supportCase: SupportCase, on database: any Database) async throws {
        guard let accountID = supportCase.accountID, let contactID = supportCase.contactID,
              let contact = try await Contact.query(on: database).filter(\.$id == contactID).first()
        else { return }
        if contact.accountID != accountID { throw ValidationFailure([FieldError(field: "contact_id", code: .outOfRange)]) }
    }

    private static func replaceLinks(of id: UUID, with related: [UUID], organisationID: UUID, at now: Date, on database: any Database) async throws {
        try await CaseLink.query(on: database).filter(\.$organisationID == organisationID)
            .group(.or) { $0.filter(\.$caseID == id).filter(\.$relatedCaseID == id) }.delete()
        for other in Set(related) where other != id {
            try await CaseLink(organisationID: organisationID, caseID: id, relatedCaseID: other, at: now).create(on: database)
            try await CaseLink(organisationID: organisationID, caseID: other, relatedCaseID: id, at: now).create(on: database)
        }
    }

    private func validateReferences(_ input: CaseInput, caseID: UUID?, into validator: inout FieldValidator,
                                    in context: RequestContext) async throws {
        let database = store.database
        if let owner = input.ownerUserID,
           try await User.query(on: database).scoped(to: context).filter(\.$id == owner).filter(\.$isActive == true).count() == 0 {
            validator.add("owner_id", .referencedRecordMissing)
        }
        if let queueID = input.queueID, try await ServiceQueue.query(on: database).scoped(to: context).filter(\.$id == queueID).count() == 0 {
            validator.add("queue_id", .referencedRecordMissing)
        }
        var account: Account?
        if let accountID = input.accountID {
            account = try await Self.readable(Account.self, accountID, in: context, on: database)
            if account == nil { validator.add("account_id", .referencedRecordMissing) }
        }
        if let contactID = input.contactID {
            if let contact = try await Self.readable(Contact.self, contactID, in: context, on: database) {
                if let account, contact.accountID != account.id { validator.add("contact_id", .outOfRange) }
            } else {
                validator.add("contact_id", .referencedRecordMissing)
            }
        }
        if let productID = input.productID, try await Product.query(on: database).scoped(to: context).filter(\.$id == productID).count() == 0 {
            validator.add("product_id", .referencedRecordMissing)
        }
        if let contractID = input.contractID {
            let existing = caseID == nil ? nil : try await SupportCase.query(on: database).scoped(to: context).filter(\.$id == caseID!).first()
            let accountID = input.provided.contains("account_id") ? input.accountID : existing?.accountID
            if let contract = try await ServiceContract.query(on: database).scoped(to: context).filter(\.$id == contractID).first() {
                if contract.accountID != accountID { validator.add("contract_id", .outOfRange) }
            } else {
                validator.add("contract_id", .referencedRecordMissing)
            }
        }
        if let related = input.relatedCaseIDs {
            for (index, other) in related.enumerated() {
                if other == caseID {
                    validator.add("related_case_ids.\(index)", .outOfRange)
                } else if try await SupportCase.query(on: database).scoped(to: context, for: .read).filter(\.$id == other).count() == 0 {
                    validator.add("related_case_ids.\(index)", .referencedRecordMissing)
                }
            }
        }
    }

    private static func readable<Record: OwnedRecord>(_ type: Record.Type, _ id: UUID, in context: RequestContext,
                                                      on database: any Database) async throws -> Record? {
        guard context.permissions.scope(for: Record.permissionModule, .read) != nil else { return nil }
        return try await Record.query(on: database).scoped(to: context, for: .read).filter(\._$id == id).first()
    }
}
