import FluentKit
import Foundation

/// A composed message on its way out: queued → sending → sent, or back to queued with a later
/// `next_attempt_at` after a transient failure, or `failed` (permanent reply, or retries spent)
/// with `last_error` for the record it is about (`regarding_type` + `regarding_id`) to show.
public final class OutboundEmail: Model, @unchecked Sendable {
    public static let schema = "outbound_emails"

    public enum Status: String, Codable, Sendable, CaseIterable {
        case queued, sending, sent, failed
    }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    // data fields
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "next_attempt_at") public var nextAttemptAt: Date?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    /// Without angle brackets; unique, so a send is keyed by it.
    @Field(key: "message_id") public var messageID: String
    @Field(key: "envelope_from") public var envelopeFrom: String
    /// Lower-cased envelope recipients, comma-separated.
    @Field(key: "recipients") public var recipients: String
    @Field(key: "subject") public var subject: String
    /// The whole RFC 5322 message, 7-bit, CRLF line ends.
    @Field(key: "message") public var message: String
    /// `message` for people's mail, `auto_reply` for acknowledgements (rate-limited per sender).
    @Field(key: "category") public var category: String
    @OptionalField(key: "regarding_type") public var regardingType: String?
    @OptionalField(key: "regarding_id") public var regardingID: UUID?

    public init() {}

    public var statusValue: Status { Status(rawValue: status) ?? .queued }
}

/// A message received by the SMTP listener or `peyvand mail receive`, stored raw first:
/// received → handled (a module made something of it) / unhandled (no module claimed it) /
/// failed (processing kept failing; the raw message stays for a person to look at).
public final class InboundEmail: Model, @unchecked Sendable {
    public static let schema = "inbound_emails"

    public enum Status: String, Codable, Sendable, CaseIterable {
        case received, handled, unhandled, failed
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "received_at") public var receivedAt: Date
    @Field(key: "status") public var status: String
    /// `""` for the null reverse path `<>`.
    @Field(key: "envelope_from") public var envelopeFrom: String
    @Field(key: "recipients") public var recipients: String
    @Field(key: "size") public var size: Int
    @Field(key: "raw") public var raw: Data
    @OptionalField(key: "message_id") public var messageID: String?
    @OptionalField(key: "from_address") public var fromAddress: String?
    @OptionalField(key: "subject") public var subject: String?
    @Field(key: "is_automated") public var isAutomated: Bool
    /// The parser's problems, one per line.
    @OptionalField(key: "problems") public var problems: String?
    @OptionalField(key: "handled_by") public var handledBy: String?
    @OptionalField(key: "handled_record_type") public var handledRecordType: String?
    @OptionalField(key: "handled_record_id") public var handledRecordID: UUID?
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "processed_at") public var processedAt: Date?

    public init() {}

    public var statusValue: Status { Status(rawValue: status) ?? .received }
}

/// Which recipient address delivers to which organisation (`inbound_mail_addresses`).
public enum InboundMailAddress {
    public static let schema = "inbound_mail_addresses"
}
