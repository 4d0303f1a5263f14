import FluentKit
import Foundation

/// Money received against an invoice.
public final class Payment: OrganisationScoped, @unchecked Sendable {
    public static let schema = "payments"
    public static var organisationKey: KeyPath<Payment, FieldProperty<Payment, UUID>> { \.$organisationID }

    public enum Method: String, Codable, CaseIterable, Sendable {
        case cash, card, transfer, cheque, other
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "invoice_id") public var invoiceID: UUID
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    /// Gregorian `YYYY-MM-DD`.
    @Field(key: "paid_on") public var paidOn: String
    @Field(key: "method") public var method: String
    @OptionalField(key: "reference") public var reference: String?
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organisationID: UUID, invoiceID: UUID, amountMinor: Int64, currency: String, paidOn: String, method: Method,
                reference: String?, recordedBy: UUID) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.invoiceID = invoiceID
        self.amountMinor = amountMinor
        self.currency = currency
        self.paidOn = paidOn
        self.method = method.rawValue
        self.reference = reference
        self.recordedBy = recordedBy
    }
}
