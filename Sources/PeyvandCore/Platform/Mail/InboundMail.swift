import FluentKit
import Foundation
import Logging
import SQLKit

/// A received message as modules see it: parsed, with its envelope and organisation.
public struct ReceivedMail: Sendable {
    public var id: UUID
    public var organisationID: UUID
    /// `""` for the null reverse path.
    public var envelopeFrom: String
    public var recipients: [String]
    public var receivedAt: Date
    public var message: MailMessage

    public init(id: UUID, organisationID: UUID, envelopeFrom: String, recipients: [String], receivedAt: Date, message: MailMessage) {
        self.id = id
        self.organisationID = organisationID
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.receivedAt = receivedAt
        self.message = message
    }
}

/// What a handler made of a message.
public enum InboundMailDisposition: Sendable, Equatable {
    /// Not for this handler; the next one is asked.
    case declined
    /// Turned into (or added to) a record, e.g. a case or a case comment.
    case handled(recordType: String, recordID: UUID)
}

/// Implemented by modules that turn mail into records (the cases module: a new case, or a comment
/// on the case the message threads to). Handlers are asked in registration order; they run inside
/// a job, so they must be safe to run again for the same message (key on `ReceivedMail.id`).
public protocol InboundMailHandler: Sendable {
    var name: String { get }
    func handle(_ mail: ReceivedMail, store: Store, logger: Logger) async throws -> InboundMailDisposition
}

/// Storing received mail: raw first, in one transaction with the job that processes it, so a
/// message acknowledged to the sending server is never lost.
public enum InboundMailService {
    public static let processJobKind = "mail.inbound"

    public enum Rejection: Error, Equatable, CustomStringConvertible {
        case unknownRecipient(String)

        public var description: String {
            switch self {
            case .unknownRecipient(let address): "no organisation receives mail for \(address)"
            }
        }
    }

    /// The organisation that receives mail for `address`: an exact row in
    /// `inbound_mail_addresses`; else the row for the address without its `+tag`
    /// (`support+anything@x` → `support@x`); else, when the deployment has one organisation, that one.
    public static func organisation(forRecipient address: String, on database: any Database) async throws -> UUID? {
        let key = address.trimmingCharacters(in: .whitespaces).lowercased()
        var candidates = [key]
        if let plus = key.firstIndex(of: "+"), let at = key.lastIndex(of: "@"), plus < at {
            candidates.append(String(key[..<plus]) + String(key[at...]))
        }
        for candidate in candidates {
            if let row = try await database.sql().select().column("org_id").from(InboundMailAddress.schema)
                .where("address", .equal, SQLBind(candidate)).first() {
                return try row.decode(column: "org_id", as: UUID.self)
            }
        }
        let rows = try await database.sql().select().column("id").from(Organisation.schema).limit(2).all()
        if rows.count == 1 { return try rows[0].decode(column: "id", as: UUID.self) }
        return nil
    }

    /// Routes `address` to an organisation (replacing an earlier route).
    public static func assign(address: String, to organisationID: UUID, at now: Date, on database: any Database) async throws {
        let key = address.trimmingCharacters(in: .whitespaces).lowercased()
        try await database.sql().delete(from: InboundMailAddress.schema).where("address", .equal, SQLBind(key)).run()
        try await database.sql().insert(into: InboundMailAddress.schema).columns("address", "org_id", "created_at")
            .values(SQLBind(key), SQLBind(organisationID), SQLBind(now)).run()
    }

    /// Stores a received message raw and queues its processing; returns its id. Commit before
    /// acknowledging the message to the sender. Recipients for several organisations store one
    /// copy per organisation.
    @discardableResult
    public static func store(raw: Data, envelopeFrom: String, recipients: [String], store: Store) async throws -> [UUID] {
        let now = store.now()
        return try await store.write { database in
            var byOrganisation: [UUID: [String]] = [:]
            var order: [UUID] = []
            for recipient in recipients {
                guard let organisationID = try await organisation(forRecipient: recipient, on: database) else {
                    throw Rejection.unknownRecipient(recipient)
                }
                if byOrganisation[organisationID] == nil { order.append(organisationID) }
                byOrganisation[organisationID, default: []].append(recipient.lowercased())
            }
            var ids: [UUID] = []
            for organisationID in order {
                let id = UUIDv7.make(at: now)
                try await database.sql().insert(into: InboundEmail.schema)
                    .columns("id", "org_id", "received_at", "status", "envelope_from", "recipients", "size", "raw", "is_automated")
                    .values(SQLBind(id), SQLBind(organisationID), SQLBind(now), SQLBind(InboundEmail.Status.received.rawValue),
                            SQLBind(envelopeFrom), SQLBind(byOrganisation[organisationID]!.joined(separator: ",")), SQLBind(raw.count),
                            SQLBind(raw), SQLBind(false))
                    .run()
                try await JobQueue.enqueue(kind: processJobKind, payload: ProcessPayload(inboundEmailID: id), organisationID: organisationID,
                                           dedupeKey: id.uuidString, maxAttempts: 5, at: now, on: database)
                ids.append(id)
            }
            return ids
        }
    }

    public struct ProcessPayload: Codable, Sendable {
        public var inboundEmailID: UUID
    }
}

/// Parses a stored message, records what the parser found, and offers it to the handlers.
public struct InboundMailJob: JobHandler {
    public static let kind = InboundMailService.processJobKind
    public let handlers: [any InboundMailHandler]

    public init(handlers: [any InboundMailHandler]) {
        self.handlers = handlers
    }

    public func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
        let payload = try job.decodePayload(as: InboundMailService.ProcessPayload.self)
        guard let email = try await InboundEmail.find(payload.inboundEmailID, on: store.database),
              email.statusValue == .received || email.statusValue == .failed else { return }
        let message = MailMessage.parse(email.raw, returnPath: email.envelopeFrom)
        let received = ReceivedMail(id: email.id!, organisationID: email.organisationID, envelopeFrom: email.envelopeFrom,
                                    recipients: email.recipients.split(separator: ",").map(String.init), receivedAt: email.receivedAt,
                                    message: message)
        var disposition = InboundMailDisposition.declined
        var handlerName: String?
        do {
            for handler in handlers {
                disposition = try await handler.handle(received, store: store, logger: logger)
                if case .handled = disposition {
                    handlerName = handler.name
                    break
                }
            }
        } catch {
            let exhausted = job.attempt >= job.maxAttempts
            try await record(email.id!, message: message, status: exhausted ? .failed : .received, handler: nil, disposition: .declined,
                             error: String(describing: error), store: store)
            throw error
        }
        let status: InboundEmail.Status = if case .handled = disposition { .handled } else { .unhandled }
        try await record(email.id!, message: message, status: status, handler: handlerName, disposition: disposition, error: nil, store: store)
    }

    private func record(_ id: UUID, message: MailMessage, status: InboundEmail.Status, handler: String?, disposition: InboundMailDisposition,
                        error: String?, store: Store) async throws {
        let now = store.now()
        var recordType: String?
        var recordID: UUID?
        if case .handled(let type, let handledID) = disposition {
            recordType = type
            recordID = handledID
        }
        let problems = message.problems.map(\.description).joined(separator: "\n")
        try await store.write { [recordType, recordID] database in
            try await database.sql().update(InboundEmail.schema)
                .set("status", to: SQLBind(status.rawValue))
                .set("message_id", to: SQLBind(message.messageID.map { String($0.prefix(500)) }))
                .set("from_address", to: SQLBind(message.from?.key))
                .set("subject", to: SQLBind(String(message.subject.prefix(500))))
                .set("is_automated", to: SQLBind(message.isAutomated))
                .set("problems", to: SQLBind(problems.isEmpty ? nil : problems))
                .set("handled_by", to: SQLBind(handler))
                .set("handled_record_type", to: SQLBind(recordType))
                .set("handled_record_id", to: SQLBind(recordID))
                .set("last_error", to: SQLBind(error.map { String($0.prefix(2000)) }))
                .set("processed_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id))
                .run()
        }
    }
}

/// When an automatic reply (the case acknowledgement) may go out: never to machines (auto-replies,
/// bounces, lists, null return path), never to a message that is one of our own coming back, never
/// to ourselves, and at most `maximumPerHour` per sender per organisation.
public enum AutoReplyPolicy {
    public static let category = "auto_reply"
    public static let maximumPerHour = 3

    public enum Verdict: Sendable, Equatable {
        case allowed(to: MailAddress)
        case refused(String)
    }

    public static func verdict(for mail: ReceivedMail, ownAddresses: [String] = [], at now: Date, on database: any Database) async throws -> Verdict {
        if mail.message.isAutomated {
            return .refused("automated message: \(mail.message.autoResponseSignals.map(\.rawValue).joined(separator: ", "))")
        }
        guard let sender = mail.message.replyTo.first ?? mail.message.from, sender.address.contains("@") else {
            return .refused("no sender address")
        }
        let own = Set((ownAddresses + mail.recipients).map { $0.lowercased() })
        if own.contains(sender.key) { return .refused("sender is one of our own addresses") }
        if let messageID = mail.message.messageID,
           try await database.sql().select().column("id").from(OutboundEmail.schema)
            .where("message_id", .equal, SQLBind(messageID)).first() != nil {
            return .refused("message is one of our own outbound messages")
        }
        let since = now.addingTimeInterval(-3600)
        let recent = try await database.sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(OutboundEmail.schema)
            .where("org_id", .equal, SQLBind(mail.organisationID))
            .where("category", .equal, SQLBind(category))
            .where("recipients", .equal, SQLBind(sender.key))
            .where("created_at", .greaterThan, SQLBind(since))
            .first()
        let count = try recent?.decode(column: "n", as: Int.self) ?? 0
        if count >= maximumPerHour { return .refused("already \(count) automatic replies to \(sender.key) in the last hour") }
        return .allowed(to: sender)
    }
}
