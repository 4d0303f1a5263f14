import FluentKit
import Foundation
import SQLKit

/// A line as a client sends it. Without a unit price, a product's effective price (from the
/// quote's price list on the day) is used; without a description, the product's name.
public struct LineInput: Sendable {
    public var productID: UUID?
    public var description: String?
    /// Thousandths: 1500 is 1.5 units.
    public var quantityMilli: Int64?
    public var unitPriceMinor: Int64?
    public var discountBasisPoints: Int64?
    public var taxRateBasisPoints: Int64?

    public init(productID: UUID? = nil, description: String? = nil, quantityMilli: Int64?, unitPriceMinor: Int64? = nil,
                discountBasisPoints: Int64? = nil, taxRateBasisPoints: Int64? = nil) {
        self.productID = productID
        self.description = description
        self.quantityMilli = quantityMilli
        self.unitPriceMinor = unitPriceMinor
        self.discountBasisPoints = discountBasisPoints
        self.taxRateBasisPoints = taxRateBasisPoints
    }
}

enum DocumentLines {
    static let maximumLines = 200

    /// Checks the lines (every bad one reported by its index) and prices them.
    static func build(_ inputs: [LineInput], for kind: LineOwner, documentID: UUID, currency: String, priceListID: UUID?,
                      into validator: inout FieldValidator, in context: RequestContext, store: Store) async throws -> [DocumentLine] {
        if inputs.count > maximumLines { validator.add("lines", .tooLong) }
        var lines: [DocumentLine] = []
        for (index, input) in inputs.enumerated() {
            let field = "lines.\(index)"
            let line = DocumentLine(organisationID: context.organisationID, documentKind: kind, documentID: documentID, position: index)
            if let quantity = input.quantityMilli, quantity > 0, quantity <= 1_000_000_000_000 { line.quantityMilli = quantity }
            else { validator.add("\(field).quantity", input.quantityMilli == nil ? .required : .outOfRange) }
            if let discount = input.discountBasisPoints, !(0...10_000).contains(discount) { validator.add("\(field).discount_bp", .outOfRange) }
            if let tax = input.taxRateBasisPoints, !(0...10_000).contains(tax) { validator.add("\(field).tax_rate_bp", .outOfRange) }
            if let price = input.unitPriceMinor, price < 0 { validator.add("\(field).unit_price_minor", .outOfRange) }
            validator.text(input.description, "\(field).description", required: input.productID == nil, max: 500)
            line.discountBasisPoints = input.discountBasisPoints ?? 0
            line.taxRateBasisPoints = input.taxRateBasisPoints ?? 0
            line.unitPriceMinor = input.unitPriceMinor ?? 0
            line.description = PartyInput.trimmed(input.description) ?? ""
            if let productID = input.productID {
                do {
                    let product = try await ProductService(store: store).find(productID, in: context)
                    let price = try await PriceListService(store: store).price(of: productID, in: priceListID, for: context)
                    line.productID = productID
                    if input.unitPriceMinor == nil {
                        if price.unitPrice.currency == currency { line.unitPriceMinor = price.unitPrice.amountMinor }
                        else { validator.add("\(field).unit_price_minor", .required) }
                    }
                    if input.taxRateBasisPoints == nil { line.taxRateBasisPoints = Int64(price.taxRateBP) }
                    if line.description.isEmpty {
                        line.description = (context.language == .fa ? product.nameFa ?? product.nameEn : product.nameEn ?? product.nameFa) ?? product.sku
                    }
                } catch is PlatformError {
                    validator.add("\(field).product_id", .referencedRecordMissing)
                } catch let failure as ValidationFailure {
                    for error in failure.fieldErrors { validator.add(error) }
                }
            }
            do { try line.computeTotals(currency: currency) } catch { validator.add(field, .outOfRange) }
            lines.append(line)
        }
        return lines
    }

    /// The sum of the lines' totals (an opportunity's amount when it lists products).
    static func sum(_ lines: [DocumentLine]) -> Int64 {
        lines.reduce(0) { $0 &+ $1.totalMinor }
    }

    /// Sums the lines into the document's totals.
    static func total<Document: SalesDocument>(_ document: Document, _ lines: [DocumentLine]) throws {
        var subtotal: Int64 = 0, discount: Int64 = 0, tax: Int64 = 0, total: Int64 = 0
        for line in lines {
            let gross = line.netMinor.addingReportingOverflow(line.discountMinor)
            guard !gross.overflow else { throw ValidationFailure([FieldError(field: "lines", code: .outOfRange)]) }
            (subtotal, discount, tax, total) = (subtotal &+ gross.partialValue, discount &+ line.discountMinor, tax &+ line.taxMinor,
                                                total &+ line.totalMinor)
        }
        (document.subtotalMinor, document.discountMinor, document.taxMinor, document.totalMinor) = (subtotal, discount, tax, total)
    }

    static func lines(of documentID: UUID, in context: RequestContext, on database: any Database) async throws -> [DocumentLine] {
        try await DocumentLine.query(on: database).scoped(to: context).filter(\.$documentID == documentID).sort(\.$position).all()
    }

    static func replace(_ lines: [DocumentLine], of documentID: UUID, in context: RequestContext, on database: any Database) async throws {
        try await DocumentLine.query(on: database).scoped(to: context).filter(\.$documentID == documentID).delete()
        if !lines.isEmpty { try await lines.create(on: database) }
    }
}

/// Gives out document numbers: one series per organisation, kind and Jalali year, without gaps
/// from failed requests (the counter moves inside the document's own transaction) and without
/// duplicates under concurrent creation (the counter row is locked by the UPDATE).
enum DocumentNumbers {
    static func next(_ kind: DocumentKind, organisationID: UUID, at now: Date, on database: any Database) async throws -> String {
        try await next(series: kind.rawValue, prefix: kind.prefix, organisationID: organisationID, at: now, on: database)
    }

    /// A number of any series kept in `document_sequences` (`series` is its `kind`, e.g. `case`).
    static func next(series: String, prefix: String, organisationID: UUID, at now: Date, on database: any Database) async throws -> String {
        let year = JalaliDate.year(of: now)
        let sql = try database.sql()
        try await sql.raw("""
            INSERT INTO document_sequences (id, org_id, kind, year, last_number)
            VALUES (\(bind: UUIDv7.make()), \(bind: organisationID), \(bind: series), \(bind: year), 0)
            ON CONFLICT (org_id, kind, year) DO NOTHING
            """).run()
        guard let row = try await sql.raw("""
            UPDATE document_sequences SET last_number = last_number + 1
            WHERE org_id = \(bind: organisationID) AND kind = \(bind: series) AND year = \(bind: year)
            RETURNING last_number
            """).first()
        else { throw PlatformError.notFound(recordType: "document_sequence") }
        let number = try row.decode(column: "last_number", as: Int.self)
        return "\(prefix)-\(year)-\(String(format: "%06d", number))"
    }
}
