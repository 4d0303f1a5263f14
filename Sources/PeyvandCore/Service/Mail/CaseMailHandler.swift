import FluentKit
import Foundation
import Logging
import SQLKit

/// Turns received mail into cases. A message that answers one of a case's messages (its
/// `In-Reply-To` or `References` name one) or carries a case number in its subject (`[C-1405-000012]`)
/// becomes a public comment from the customer on that case: a case waiting on the customer goes
/// back to work, a resolved one is reopened, and a closed one gets a new case linked to it. Any
/// other message opens a new e-mail case for the contact with the sender's address (and their
/// account), routed by the queues' rules, and the sender gets an acknowledgement with the case
/// number when `AutoReplyPolicy` allows. Attachments are kept with the case. Everything happens in
/// one transaction, audited with no acting user, and a message is handled once however often its
/// job runs.
public struct CaseMailHandler: InboundMailHandler {
    public let name = "cases"

    public init() {}

    public func handle(_ mail: ReceivedMail, store: Store, logger: Logger) async throws -> InboundMailDisposition {
        let now = store.now()
        return try await store.write { database in
            if let earlier = try await CaseEmail.query(on: database).filter(\.$inboundEmailID == mail.id).first() {
                return .handled(recordType: SupportCase.auditType, recordID: earlier.caseID)
            }
            let sender = mail.message.replyTo.first ?? mail.message.from
            if let thread = try await Self.threadedCase(of: mail, on: database),
               let outcome = try await Self.comment(on: thread, mail, sender: sender, at: now, store: store, on: database) {
                return outcome
            }
            let supportCase = try await Self.openCase(for: mail, sender: sender, related: nil, at: now, store: store, on: database)
            return .handled(recordType: SupportCase.auditType, recordID: supportCase.id!)
        }
    }

    /// The case the message answers: by the thread's Message-IDs first, then by a number in the subject.
    static func threadedCase(of mail: ReceivedMail, on database: any Database) async throws -> SupportCase? {
        let references = Array(Set(mail.message.threadReferences)).prefix(100)
        if !references.isEmpty,
           let known = try await CaseEmail.query(on: database).filter(\.$organisationID == mail.organisationID)
               .filter(\.$messageID ~~ Array(references)).sort(\.$createdAt, .descending).first(),
           let supportCase = try await SupportCase.query(on: database).filter(\.$organisationID == mail.organisationID)
               .filter(\.$id == known.caseID).first() {
            return supportCase
        }
        guard let number = CaseMailText.caseNumber(in: mail.message.subject) else { return nil }
        return try await SupportCase.query(on: database).filter(\.$organisationID == mail.organisationID).filter(\.$number == number).first()
    }

    /// The customer's answer on an open or resolved case; nil for a closed one (a new case is opened).
    private static func comment(on supportCase: SupportCase, _ mail: ReceivedMail, sender: MailAddress?, at now: Date, store: Store,
                                on database: any Database) async throws -> InboundMailDisposition? {
        let status = SupportCase.Status(rawValue: supportCase.status) ?? .new
        if status == .closed {
            let newCase = try await openCase(for: mail, sender: sender, related: supportCase, at: now, store: store, on: database)
            return .handled(recordType: SupportCase.auditType, recordID: newCase.id!)
        }
        let comment = CaseComment(organisationID: supportCase.organisationID, caseID: supportCase.id!, authorUserID: nil,
                                  visibility: .public, body: CaseMailText.body(of: mail.message), at: now)
        try await comment.create(on: database)
        try await AuditTrail.record(.create, of: comment, organisationID: supportCase.organisationID, actorUserID: nil, requestID: nil,
                                    at: now, on: database)
        try await Outbox.append("case.commented", recordType: SupportCase.auditType, recordID: supportCase.id!, payload: comment.auditSnapshot,
                                organisationID: supportCase.organisationID, at: now, on: database)
        if status == .waitingOnCustomer || status == .resolved {
            let before = supportCase.auditSnapshot
            let calendar = supportCase.slaStartedAt == nil ? nil
                : try await BusinessCalendarService(store: store).calendar(organisationID: supportCase.organisationID, around: now, on: database)
            try CaseService.move(supportCase, to: .inProgress, resolution: nil, at: now, calendar: calendar)
            supportCase.version += 1
            try await supportCase.update(on: database)
            try await SalesRecords.recordChange(supportCase, action: .update, before: before, organisationID: supportCase.organisationID,
                                                actorUserID: nil, requestID: nil, at: now, on: database)
        }
        try await keep(mail, on: supportCase, comment: comment.id, sender: sender, at: now, on: database)
        return .handled(recordType: SupportCase.auditType, recordID: supportCase.id!)
    }

    private static func openCase(for mail: ReceivedMail, sender: MailAddress?, related: SupportCase?, at now: Date, store: Store,
                                 on database: any Database) async throws -> SupportCase {
        let organisationID = mail.organisationID
        let number = try await DocumentNumbers.next(series: "case", prefix: "C", organisationID: organisationID, at: now, on: database)
        let supportCase = SupportCase(organisationID: organisationID, number: number, title: "")
        var contact: Contact?
        if let sender { contact = try await Self.contact(withEmail: sender.key, organisationID: organisationID, on: database) }
        let text = CaseMailText.body(of: mail.message)
        CaseService.apply(CaseInput(
            provided: ["title", "description", "channel", "account_id", "contact_id", "language"],
            title: CaseMailText.title(of: mail.message), description: text, channel: SupportCase.Channel.email.rawValue,
            accountID: contact?.accountID, contactID: contact?.id, language: CaseMailText.language(of: mail.message.subject + " " + text)),
            to: supportCase)
        if let routed = try await CaseRouting.route(supportCase, organisationID: organisationID, on: database) {
            supportCase.queueID = routed.queue.id
            supportCase.ownerUserID = routed.userID
        }
        try await CaseCoverage.cover(supportCase, choosing: .automatic, organisationID: organisationID, at: now, store: store, on: database)
        try await supportCase.create(on: database)
        if let related {
            for (one, other) in [(supportCase.id!, related.id!), (related.id!, supportCase.id!)] {
                try await CaseLink(organisationID: organisationID, caseID: one, relatedCaseID: other, at: now).create(on: database)
            }
        }
        try await SalesRecords.recordChange(supportCase, action: .create, before: nil, organisationID: organisationID, actorUserID: nil,
                                            requestID: nil, at: now, on: database)
        try await keep(mail, on: supportCase, comment: nil, sender: sender, at: now, on: database)
        try await CaseMailReplies.acknowledge(mail, case: supportCase, at: now, on: database)
        return supportCase
    }

    /// Records the message in the case's thread and keeps its attachments.
    private static func keep(_ mail: ReceivedMail, on supportCase: SupportCase, comment: UUID?, sender: MailAddress?, at now: Date,
                             on database: any Database) async throws {
        let email = CaseEmail(organisationID: mail.organisationID, caseID: supportCase.id!, commentID: comment, direction: .inbound,
                              messageID: mail.message.messageID ?? "inbound-\(mail.id.uuidString.lowercased())", address: sender?.key ?? "",
                              at: now)
        email.inboundEmailID = mail.id
        try await email.create(on: database)
        for (index, file) in mail.message.attachments.enumerated() where !file.isInline || file.filename != nil {
            let name = file.filename.map { String($0.prefix(200)) } ?? "attachment-\(index + 1)"
            try await CaseAttachment(organisationID: mail.organisationID, caseID: supportCase.id!, commentID: comment, fileName: name,
                                     contentType: String(file.contentType.prefix(200)), data: file.data, at: now).create(on: database)
        }
    }

    /// The live contact with this e-mail address; the oldest when several share it.
    static func contact(withEmail key: String, organisationID: UUID, on database: any Database) async throws -> Contact? {
        guard let point = try await ContactPoint.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$recordType == Contact.auditType).filter(\.$kind == ContactPoint.Kind.email.rawValue)
            .filter(\.$key == PartyInput.emailKey(key)).sort(\.$recordID).first()
        else { return nil }
        return try await Contact.query(on: database).filter(\.$organisationID == organisationID).filter(\.$id == point.recordID).first()
    }
}
