import FluentKit
import Foundation

/// One message of a case's e-mail thread: received (it made the case or a comment) or sent (an
/// acknowledgement or an agent's reply). Threading looks replies up by `message_id`.
public final class CaseEmail: Model, @unchecked Sendable {
    public static let schema = "case_emails"

    public enum Direction: String, Codable, Sendable {
        case inbound, outbound
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @OptionalField(key: "comment_id") public var commentID: UUID?
    @Field(key: "direction") public var direction: String
    /// Without angle brackets.
    @Field(key: "message_id") public var messageID: String
    @OptionalField(key: "inbound_email_id") public var inboundEmailID: UUID?
    @OptionalField(key: "outbound_email_id") public var outboundEmailID: UUID?
    /// The customer's address: the sender of a received message, the recipient of a sent one.
    @Field(key: "address") public var address: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(organisationID: UUID, caseID: UUID, commentID: UUID?, direction: Direction, messageID: String, address: String, at now: Date) {
        self.id = UUIDv7.make(at: now)
        self.organisationID = organisationID
        self.caseID = caseID
        self.commentID = commentID
        self.direction = direction.rawValue
        self.messageID = String(messageID.prefix(500))
        self.address = String(address.prefix(320))
        self.createdAt = now
    }
}

/// A file received with a case's e-mail, kept with the case.
public final class CaseAttachment: Model, @unchecked Sendable {
    public static let schema = "case_attachments"

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @OptionalField(key: "comment_id") public var commentID: UUID?
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @Field(key: "data") public var data: Data
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(organisationID: UUID, caseID: UUID, commentID: UUID?, fileName: String, contentType: String, data: Data, at now: Date) {
        self.id = UUIDv7.make(at: now)
        self.organisationID = organisationID
        self.caseID = caseID
        self.commentID = commentID
        self.fileName = fileName
        self.contentType = contentType
        self.size = data.count
        self.data = data
        self.createdAt = now
    }
}
