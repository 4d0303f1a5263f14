import FluentKit
import Foundation

/// What quotes, orders and invoices share: a numbered document for an account with priced
/// lines and totals computed on the server in integer minor units.
public protocol SalesDocument: SalesRecord {
    static var documentKind: DocumentKind { get }
    var number: String { get set }
    var accountID: UUID { get set }
    var contactID: UUID? { get set }
    var status: String { get set }
    var currency: String { get set }
    var subtotalMinor: Int64 { get set }
    var discountMinor: Int64 { get set }
    var taxMinor: Int64 { get set }
    var totalMinor: Int64 { get set }
    var searchText: String { get set }
    var createdAt: Date? { get }
}

/// The three numbered document series, with their number prefixes (`Q-1405-000123`).
public enum DocumentKind: String, Codable, CaseIterable, Sendable {
    case quote, order, invoice

    public var prefix: String {
        switch self {
        case .quote: "Q"
        case .order: "O"
        case .invoice: "I"
        }
    }
}

/// What a priced line belongs to: an opportunity's expected products, or a document.
public enum LineOwner: String, Codable, CaseIterable, Sendable {
    case opportunity, quote, order, invoice
}

/// One priced line of an opportunity, quote, order or invoice. Quantities are in thousandths (1.5 kg = 1500),
/// so fractional units stay exact; money is in minor units of the document's currency.
public final class DocumentLine: OrganisationScoped, @unchecked Sendable {
    public static let schema = "document_lines"
    public static var organisationKey: KeyPath<DocumentLine, FieldProperty<DocumentLine, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "document_kind") public var documentKind: String
    @Field(key: "document_id") public var documentID: UUID
    @Field(key: "position") public var position: Int
    @OptionalField(key: "product_id") public var productID: UUID?
    /// The order line an invoice line bills, so an order is never billed twice for it.
    @OptionalField(key: "source_line_id") public var sourceLineID: UUID?
    @Field(key: "description") public var description: String
    @Field(key: "quantity_milli") public var quantityMilli: Int64
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int64
    @Field(key: "discount_bp") public var discountBasisPoints: Int64
    @Field(key: "tax_rate_bp") public var taxRateBasisPoints: Int64
    // computed on the server
    @Field(key: "net_minor") public var netMinor: Int64
    @Field(key: "discount_minor") public var discountMinor: Int64
    @Field(key: "tax_minor") public var taxMinor: Int64
    @Field(key: "total_minor") public var totalMinor: Int64

    public init() {}

    public init(organisationID: UUID, documentKind: LineOwner, documentID: UUID, position: Int) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.documentKind = documentKind.rawValue
        self.documentID = documentID
        self.position = position
        self.description = ""
        self.quantityMilli = 1000
        self.unitPriceMinor = 0
        self.discountBasisPoints = 0
        self.taxRateBasisPoints = 0
        self.netMinor = 0
        self.discountMinor = 0
        self.taxMinor = 0
        self.totalMinor = 0
    }

    /// gross = price × quantity; discount = gross × discount%; net = gross − discount;
    /// tax = net × tax%; total = net + tax. Each step rounds half away from zero, once.
    func computeTotals(currency: String) throws {
        let gross = try Money(amountMinor: unitPriceMinor, currency: currency).scaled(by: quantityMilli, dividedBy: 1000)
        let discount = try gross.percentage(basisPoints: discountBasisPoints)
        let net = try gross.subtracting(discount)
        let tax = try net.percentage(basisPoints: taxRateBasisPoints)
        (discountMinor, netMinor, taxMinor) = (discount.amountMinor, net.amountMinor, tax.amountMinor)
        totalMinor = try net.adding(tax).amountMinor
    }

    /// A copy for another owner (opportunity → quote → order → invoice).
    func copy(to kind: LineOwner, documentID: UUID, position: Int) -> DocumentLine {
        let line = DocumentLine(organisationID: organisationID, documentKind: kind, documentID: documentID, position: position)
        (line.productID, line.description, line.quantityMilli, line.unitPriceMinor) = (productID, description, quantityMilli, unitPriceMinor)
        (line.discountBasisPoints, line.taxRateBasisPoints) = (discountBasisPoints, taxRateBasisPoints)
        (line.netMinor, line.discountMinor, line.taxMinor, line.totalMinor) = (netMinor, discountMinor, taxMinor, totalMinor)
        line.sourceLineID = kind == .invoice ? id : nil
        return line
    }
}

/// The last number given out per organisation, series and Jalali year.
public final class DocumentSequence: Model, @unchecked Sendable {
    public static let schema = "document_sequences"

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "year") public var year: Int
    @Field(key: "last_number") public var lastNumber: Int

    public init() {}
}
