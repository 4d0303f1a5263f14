import FluentKit
import Foundation
import SQLKit

/// Mail a case sends: the acknowledgement of a case opened by e-mail, and agents' replies. Each goes
/// through the outbound queue (`MailService`: retries, a failure kept with its reason) in the write
/// that made it, and joins the case's thread so the customer's answer comes back to the case.
public struct CaseMailReplies: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// `POST /cases/{id}/replies`: a public comment sent to the customer by e-mail — to the case's
    /// contact, else to whoever last wrote to the case. 422 `to` when there is no address to write to.
    public func reply(to id: UUID, body: String?, by context: RequestContext,
                      readProblems: FieldValidator = FieldValidator()) async throws -> (comment: CaseComment, email: OutboundEmail) {
        try context.require(.cases, .update)
        var validator = readProblems
        validator.text(body, "body", required: true, max: 20_000)
        try validator.check()
        let supportCase = try await SalesRecords.find(SupportCase.self, id, for: .update, in: context, on: store.database)
        guard let recipient = try await customerAddress(of: supportCase, on: store.database) else {
            throw ValidationFailure([FieldError(field: "to", code: .required)])
        }
        let text = body!.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = store.now()
        return try await store.write { database in
            let comment = try await CaseService.writeComment(on: id, kind: .public, text: text, by: context, at: now, on: database)
            let thread = try await CaseEmail.query(on: database).filter(\.$caseID == id).sort(\.$createdAt).all().map(\.messageID)
            let mail = OutgoingMail(from: try await Self.supportAddress(organisationID: context.organisationID, on: database), to: [recipient],
                                    subject: CaseMailText.replySubject(supportCase), textBody: text, inReplyTo: thread.last,
                                    references: Array(thread.suffix(20)))
            let sent = try await Self.send(mail, category: "case_reply", case: supportCase, comment: comment.id, at: now, on: database)
            guard let email = try await OutboundEmail.find(sent, on: database) else { throw PlatformError.notFound(recordType: "email") }
            return (comment, email)
        }
    }

    /// The messages the case has sent, newest first, with how their delivery went.
    public func sent(for id: UUID, in context: RequestContext) async throws -> [OutboundEmail] {
        try await sent(for: try await SalesRecords.find(SupportCase.self, id, for: .read, in: context, on: store.database))
    }

    /// The same for a case the caller has already read (a case page).
    public func sent(for supportCase: SupportCase) async throws -> [OutboundEmail] {
        try await MailService.messages(regarding: MailService.Regarding(type: SupportCase.auditType, id: supportCase.id!),
                                       organisationID: supportCase.organisationID, on: store.database)
    }

    /// The files received with the case's mail, oldest first (their bytes not read: `data` must not be used).
    public func attachments(of id: UUID, in context: RequestContext) async throws -> [CaseAttachment] {
        try await attachments(of: try await SalesRecords.find(SupportCase.self, id, for: .read, in: context, on: store.database))
    }

    /// The same for a case the caller has already read.
    public func attachments(of supportCase: SupportCase) async throws -> [CaseAttachment] {
        try await CaseAttachment.query(on: store.database).filter(\.$organisationID == supportCase.organisationID)
            .filter(\.$caseID == supportCase.id!)
            .field(\.$id).field(\.$organisationID).field(\.$caseID).field(\.$commentID).field(\.$fileName).field(\.$contentType)
            .field(\.$size).field(\.$createdAt).sort(\.$createdAt).all()
    }

    /// One received file with its bytes, if the reader may read its case.
    public func attachment(_ attachmentID: UUID, of id: UUID, in context: RequestContext) async throws -> CaseAttachment {
        _ = try await SalesRecords.find(SupportCase.self, id, for: .read, in: context, on: store.database)
        guard let file = try await CaseAttachment.query(on: store.database).filter(\.$organisationID == context.organisationID)
            .filter(\.$caseID == id).filter(\.$id == attachmentID).first()
        else { throw PlatformError.notFound(recordType: "attachment") }
        return file
    }

    /// Acknowledges a case opened by `mail`, when the policy allows an automatic reply to its sender.
    static func acknowledge(_ mail: ReceivedMail, case supportCase: SupportCase, at now: Date, on database: any Database) async throws {
        guard case .allowed(let sender) = try await AutoReplyPolicy.verdict(for: mail, at: now, on: database) else { return }
        let own: MailAddress
        if let recipient = mail.recipients.first { own = MailAddress(recipient) } else {
            own = try await supportAddress(organisationID: mail.organisationID, on: database)
        }
        let (subject, body) = CaseMailText.acknowledgement(supportCase)
        let references = mail.message.references + [mail.message.messageID].compactMap { $0 }
        let reply = OutgoingMail(from: own, to: [sender], subject: subject, textBody: body, inReplyTo: mail.message.messageID,
                                 references: Array(references.suffix(20)),
                                 extraHeaders: [MailHeader(name: "Auto-Submitted", value: "auto-replied")])
        _ = try await send(reply, category: AutoReplyPolicy.category, case: supportCase, comment: nil, at: now, on: database)
    }

    /// Queues `mail` about the case and adds it to the case's thread; returns the outbound row's id.
    private static func send(_ mail: OutgoingMail, category: String, case supportCase: SupportCase, comment: UUID?, at now: Date,
                             on database: any Database) async throws -> UUID {
        let queued = try await MailService.enqueue(mail, organisationID: supportCase.organisationID,
                                                   regarding: MailService.Regarding(type: SupportCase.auditType, id: supportCase.id!),
                                                   category: category, at: now, on: database)
        let email = CaseEmail(organisationID: supportCase.organisationID, caseID: supportCase.id!, commentID: comment, direction: .outbound,
                              messageID: queued.messageID, address: mail.to.first?.key ?? "", at: now)
        email.outboundEmailID = queued.id
        try await email.create(on: database)
        return queued.id
    }

    /// The case's contact's first e-mail address, else the last address that wrote to the case.
    private func customerAddress(of supportCase: SupportCase, on database: any Database) async throws -> MailAddress? {
        if let contactID = supportCase.contactID,
           let contact = try await Contact.query(on: database).filter(\.$organisationID == supportCase.organisationID).filter(\.$id == contactID).first(),
           let address = contact.emails.first?.address {
            return MailAddress(address, name: contact.fullName)
        }
        let last = try await CaseEmail.query(on: database).filter(\.$caseID == supportCase.id!)
            .filter(\.$direction == CaseEmail.Direction.inbound.rawValue).filter(\.$address != "").sort(\.$createdAt, .descending).first()
        return last.map { MailAddress($0.address) }
    }

    /// The organisation's first receiving address (answers reach its support mailbox), else a local
    /// no-reply address.
    static func supportAddress(organisationID: UUID, on database: any Database) async throws -> MailAddress {
        let row = try await database.sql().select().column("address").from(InboundMailAddress.schema)
            .where("org_id", .equal, SQLBind(organisationID)).orderBy("address").limit(1).first()
        return MailAddress(try row?.decode(column: "address", as: String.self) ?? "no-reply@localhost", name: "Peyvand")
    }
}
