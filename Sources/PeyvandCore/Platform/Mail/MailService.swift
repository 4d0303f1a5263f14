import FluentKit
import Foundation
import Logging
import SQLKit

/// Hands a composed message to a mail server. The server target implements it with its SMTP
/// client; tests may use a recording one.
public protocol MailTransport: Sendable {
    func send(envelopeFrom: String, recipients: [String], message: Data) async throws
}

/// An error a transport throws that says whether trying again later can help (SMTP 4xx, network
/// trouble) or not (SMTP 5xx). Errors not conforming are treated as transient.
public protocol MailDeliveryFailure: Error {
    var isPermanent: Bool { get }
}

/// What modules call to send mail. `enqueue` runs inside the caller's transaction: the record,
/// its audit entry and the message commit together, and a job delivers it afterwards.
public enum MailService {
    public static let deliveryJobKind = "mail.deliver"
    /// Delivery attempts before a message is `failed` (with JobQueue's backoff: about 85 minutes).
    public static let maxAttempts = 10

    public struct Regarding: Sendable, Equatable {
        public var type: String
        public var id: UUID

        public init(type: String, id: UUID) {
            self.type = type
            self.id = id
        }
    }

    public struct Enqueued: Sendable, Equatable {
        public var id: UUID
        /// Without angle brackets; threads replies back to the record.
        public var messageID: String
    }

    @discardableResult
    public static func enqueue(
        _ mail: OutgoingMail, organisationID: UUID, regarding: Regarding? = nil, category: String = "message",
        messageID: String? = nil, at now: Date, on database: any Database
    ) async throws -> Enqueued {
        let id = UUIDv7.make(at: now)
        let messageID = messageID ?? MailComposer.makeMessageID(domain: mail.from.domain, at: now)
        let message = MailComposer.compose(mail, messageID: messageID, date: now)
        try await database.sql().insert(into: OutboundEmail.schema)
            .columns("id", "org_id", "created_at", "updated_at", "status", "attempts", "next_attempt_at", "message_id",
                     "envelope_from", "recipients", "subject", "message", "category", "regarding_type", "regarding_id")
            .values(SQLBind(id), SQLBind(organisationID), SQLBind(now), SQLBind(now), SQLBind(OutboundEmail.Status.queued.rawValue),
                    SQLBind(0), SQLBind(now), SQLBind(messageID), SQLBind(mail.from.address),
                    SQLBind(mail.envelopeRecipients.map { $0.lowercased() }.joined(separator: ",")), SQLBind(String(mail.subject.prefix(500))),
                    SQLBind(message), SQLBind(category), SQLBind(regarding?.type), SQLBind(regarding?.id))
            .run()
        try await JobQueue.enqueue(kind: deliveryJobKind, payload: DeliveryPayload(outboundEmailID: id), organisationID: organisationID,
                                   dedupeKey: id.uuidString, maxAttempts: maxAttempts, at: now, on: database)
        return Enqueued(id: id, messageID: messageID)
    }

    /// The messages about one record, newest first, so its page can show what failed and why.
    public static func messages(regarding: Regarding, organisationID: UUID, on database: any Database) async throws -> [OutboundEmail] {
        try await OutboundEmail.query(on: database)
            .filter(\.$organisationID == organisationID)
            .filter(\.$regardingType == regarding.type)
            .filter(\.$regardingID == regarding.id)
            .sort(\.$createdAt, .descending)
            .all()
    }

    public struct DeliveryPayload: Codable, Sendable {
        public var outboundEmailID: UUID
    }
}

/// Delivers one `outbound_emails` row. Idempotent: a row already `sent` or `failed` is left alone;
/// the Message-ID never changes, so a resend after a crash between the server's 250 and our
/// commit is recognisable by the receiver as the same message.
public struct OutboundMailJob: JobHandler {
    public static let kind = MailService.deliveryJobKind
    /// `nil` when `SMTP_URL` is not set: messages wait (transient failure) rather than vanish.
    public let transport: (any MailTransport)?

    public init(transport: (any MailTransport)?) {
        self.transport = transport
    }

    public func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
        let payload = try job.decodePayload(as: MailService.DeliveryPayload.self)
        guard let email = try await OutboundEmail.find(payload.outboundEmailID, on: store.database) else { return }
        guard email.statusValue == .queued || email.statusValue == .sending else { return }
        try await update(email.id!, store: store) { update in
            update.set("status", to: SQLBind(OutboundEmail.Status.sending.rawValue))
                .set("attempts", to: SQLBind(job.attempt))
        }
        do {
            guard let transport else { throw MailConfigurationError.noTransport }
            try await transport.send(envelopeFrom: email.envelopeFrom,
                                     recipients: email.recipients.split(separator: ",").map(String.init),
                                     message: Data(email.message.utf8))
        } catch {
            let permanent = (error as? any MailDeliveryFailure)?.isPermanent ?? false
            let exhausted = job.attempt >= job.maxAttempts
            let description = String(describing: error)
            logger.warning("mail delivery failed", metadata: ["outbound-email": "\(email.id!)", "attempt": "\(job.attempt)",
                                                            "permanent": "\(permanent)", "error": "\(description)"])
            let now = store.now()
            try await update(email.id!, store: store) { update in
                update.set("last_error", to: SQLBind(String(description.prefix(2000))))
                if permanent || exhausted {
                    update.set("status", to: SQLBind(OutboundEmail.Status.failed.rawValue))
                        .set("next_attempt_at", to: SQLLiteral.null)
                } else {
                    update.set("status", to: SQLBind(OutboundEmail.Status.queued.rawValue))
                        .set("next_attempt_at", to: SQLBind(now.addingTimeInterval(JobQueue.backoff(afterAttempt: job.attempt))))
                }
            }
            // Rethrown only when the queue should try again; a failed message is finished work.
            if !(permanent || exhausted) { throw error }
            return
        }
        let now = store.now()
        try await update(email.id!, store: store) { update in
            update.set("status", to: SQLBind(OutboundEmail.Status.sent.rawValue))
                .set("sent_at", to: SQLBind(now))
                .set("next_attempt_at", to: SQLLiteral.null)
                .set("last_error", to: SQLLiteral.null)
        }
    }

    private func update(_ id: UUID, store: Store, _ body: @escaping @Sendable (SQLUpdateBuilder) -> Void) async throws {
        let now = store.now()
        try await store.write { database in
            let update = try database.sql().update(OutboundEmail.schema)
                .set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id))
            body(update)
            try await update.run()
        }
    }
}

public enum MailConfigurationError: Error, CustomStringConvertible {
    case noTransport

    public var description: String {
        switch self {
        case .noTransport: "SMTP_URL is not set: outbound mail waits until it is"
        }
    }
}
