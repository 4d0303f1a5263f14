import Foundation
import PeyvandCore

/// The quote editor's fields and how they become a `QuoteInput`: amounts typed in the
/// organisation's display unit, quantities and percentages as decimals with Persian or ASCII
/// digits, and blank line rows left out.
enum QuoteForm {
    /// Active products offered in each line's drop-down.
    static let productChoices = 200
    /// Empty line rows offered below the filled ones.
    static let blankRows = 3

    static func action(_ status: Quote.Status) -> String {
        switch status {
        case .sent: "send"
        case .accepted: "accept"
        case .rejected: "reject"
        case .draft, .expired: status.rawValue
        }
    }

    /// The input, the problems found while reading it, and which typed row each sent line came from.
    static func read(_ form: FormData, page: WebPage) async throws -> (QuoteInput, FieldValidator, [Int]) {
        var problems = FieldValidator()
        func filled(_ name: String) -> String? {
            form.value(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var input = QuoteInput(provided: ["valid_until", "notes", "lines"], validUntil: filled("valid_until"), notes: filled("notes"))
        if let id = filled("account_id") {
            input.accountID = UUID(uuidString: id)
            input.provided.insert("account_id")
        } else if let name = filled("account_name") {
            let match = try await RecordNames.accountNamed(name, in: page)
            input.accountID = match.id
            if match.id != nil { input.provided.insert("account_id") }
            if let problem = match.problem { problems.add("account_name", problem) }
        }
        if let opportunityID = filled("opportunity_id").flatMap(UUID.init(uuidString:)) {
            input.opportunityID = opportunityID
            input.provided.insert("opportunity_id")
        }

        let rows = Set(form.pairs.compactMap { pair -> Int? in
            let parts = pair.name.split(separator: ".")
            return parts.count == 3 && parts[0] == "lines" ? Int(parts[1]) : nil
        }).sorted()
        var lines: [LineInput] = [], origins: [Int] = []
        for row in rows {
            let prefix = "lines.\(row)."
            let productID = filled(prefix + "product_id").flatMap(UUID.init(uuidString:))
            let description = filled(prefix + "description")
            guard productID != nil || description != nil else { continue }
            let sent = lines.count
            func number(_ field: String, scale: Int64, apiField: String) -> Int64? {
                guard let text = filled(prefix + field) else { return nil }
                guard let value = decimal(text, scale: scale) else { problems.add("lines.\(sent).\(apiField)", .invalidFormat); return nil }
                return value
            }
            let quantity = filled(prefix + "quantity") == nil ? 1000 : number("quantity", scale: 1000, apiField: "quantity")
            let unitScale: Int64 = page.display.moneyUnit == .toman ? 10 : 1
            lines.append(LineInput(productID: productID, description: description, quantityMilli: quantity,
                                   unitPriceMinor: number("unit_price", scale: unitScale, apiField: "unit_price_minor"),
                                   discountBasisPoints: number("discount", scale: 100, apiField: "discount_bp"),
                                   taxRateBasisPoints: number("tax", scale: 100, apiField: "tax_rate_bp")))
            origins.append(row)
        }
        input.lines = lines
        return (input, problems, origins)
    }

    /// Form names of the service's line fields (`lines.0.discount_bp` is typed as `lines.0.discount`).
    static func formName(of field: String) -> String {
        let renames = ["unit_price_minor": "unit_price", "discount_bp": "discount", "tax_rate_bp": "tax"]
        var parts = field.split(separator: ".").map(String.init)
        if parts.count == 3, let renamed = renames[parts[2]] { parts[2] = renamed }
        return parts.joined(separator: ".")
    }

    /// `"1.5"`, `"۱٫۵"` or `"1,200"` times `scale`, exactly; nil when not a non-negative number
    /// with at most as many decimals as the scale holds.
    static func decimal(_ text: String, scale: Int64) -> Int64? {
        let ascii = PersianText.toASCIIDigits(text).replacingOccurrences(of: "٫", with: ".")
            .filter { ![",", "٬", " "].contains($0) }
        let parts = ascii.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0 else { return nil }
        let decimals = String(scale).count - 1
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1])
            guard digits.count <= decimals, digits.allSatisfy(\.isASCII), let value = Int64(digits.isEmpty ? "0" : digits) else { return nil }
            fraction = value * Int64(pow(10, Double(decimals - digits.count)))
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        return scaled + fraction
    }

    /// A stored quote as the editor's values.
    static func values(of quote: Quote, lines: [DocumentLine], display: Display) -> [String: String] {
        var values: [String: String] = ["account_id": quote.accountID.uuidString, "valid_until": display.dayInput(quote.validUntil),
                                        "notes": quote.notes ?? "", "version": String(quote.version)]
        let unitScale: Int64 = display.moneyUnit == .toman && quote.currency == "IRR" ? 10 : 1
        for (index, line) in lines.enumerated() {
            let prefix = "lines.\(index)."
            values[prefix + "product_id"] = line.productID?.uuidString
            values[prefix + "description"] = line.description
            values[prefix + "quantity"] = plain(line.quantityMilli, scale: 1000, display: display)
            values[prefix + "unit_price"] = plain(line.unitPriceMinor, scale: unitScale, display: display)
            values[prefix + "discount"] = plain(line.discountBasisPoints, scale: 100, display: display)
            values[prefix + "tax"] = plain(line.taxRateBasisPoints, scale: 100, display: display)
        }
        return values.filter { !$0.value.isEmpty }
    }

    /// `1500` at scale 1000 → `"1.5"` (`"۱٫۵"` in Persian).
    static func plain(_ value: Int64, scale: Int64, display: Display) -> String {
        let whole = value / scale, fraction = value % scale
        var text = String(whole)
        if fraction != 0 {
            let digits = String(scale).count - 1
            var part = String(fraction)
            part = String(repeating: "0", count: digits - part.count) + part
            while part.hasSuffix("0") { part.removeLast() }
            text += (display.language == .fa ? "٫" : ".") + part
        }
        return PersianText.digits(text, display.digits)
    }
}
