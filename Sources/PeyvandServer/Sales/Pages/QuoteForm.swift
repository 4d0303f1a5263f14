import Foundation
import PeyvandCore

/// The quote editor's fields and how they become a `QuoteInput`: amounts typed in the
/// organisation's display unit, quantities and percentages as decimals with Persian or ASCII
/// digits, and blank line rows left out.
enum QuoteForm {
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
        if let account = try await AccountPicker.chosen(in: form, page: page) {
            input.accountID = account.id
            input.provided.insert("account_id")
            if let problem = account.problem { problems.add("account_name", problem) }
        }
        if let opportunityID = filled("opportunity_id").flatMap(UUID.init(uuidString:)) {
            input.opportunityID = opportunityID
            input.provided.insert("opportunity_id")
        }

        let rows = Set(form.pairs.compactMap { pair -> Int? in
            let parts = pair.name.split(separator: ".")
            return parts.count == 3 && parts[0] == "lines" ? Int(parts[1]) : nil
        }).sorted()
        let knownProducts = try await ProductPicker.carried(in: form, page: page)
        var lines: [LineInput] = [], origins: [Int] = []
        for row in rows {
            let prefix = "lines.\(row)."
            let typedProduct = form.value(prefix + "product")
            let product = try await ProductPicker.chosen(typed: typedProduct, carried: filled(prefix + "product_id").flatMap(UUID.init(uuidString:)),
                                                         known: knownProducts, page: page)
            let description = filled(prefix + "description")
            guard product.id != nil || product.problem != nil || description != nil else { continue }
            let sent = lines.count
            if let problem = product.problem { problems.add("lines.\(sent).product_id", problem) }
            func number(_ field: String, scale: Int64, apiField: String) -> Int64? {
                guard let text = filled(prefix + field) else { return nil }
                guard let value = NumberInput.scaled(text, scale: scale) else { problems.add("lines.\(sent).\(apiField)", .invalidFormat); return nil }
                return value
            }
            let quantity = filled(prefix + "quantity") == nil ? 1000 : number("quantity", scale: 1000, apiField: "quantity")
            let unitScale = page.display.typingScale(for: "IRR")
            lines.append(LineInput(productID: product.id, description: description, quantityMilli: quantity,
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
        let renames = ["product_id": "product", "unit_price_minor": "unit_price", "discount_bp": "discount", "tax_rate_bp": "tax"]
        var parts = field.split(separator: ".").map(String.init)
        if parts.count == 3, let renamed = renames[parts[2]] { parts[2] = renamed }
        return parts.joined(separator: ".")
    }

    /// A stored quote as the editor's values.
    static func values(of quote: Quote, lines: [DocumentLine], products: [UUID: Product], display: Display) -> [String: String] {
        var values: [String: String] = ["account_id": quote.accountID.uuidString, "valid_until": display.dayInput(quote.validUntil),
                                        "notes": quote.notes ?? "", "version": String(quote.version)]
        let unitScale = display.typingScale(for: quote.currency)
        for (index, line) in lines.enumerated() {
            let prefix = "lines.\(index)."
            values[prefix + "product_id"] = line.productID?.uuidString
            values[prefix + "product"] = line.productID.flatMap { products[$0] }.map { ProductPicker.label($0, in: display.language) }
            values[prefix + "description"] = line.description
            values[prefix + "quantity"] = NumberInput.typed(line.quantityMilli, scale: 1000, display: display)
            values[prefix + "unit_price"] = NumberInput.typed(line.unitPriceMinor, scale: unitScale, display: display)
            values[prefix + "discount"] = NumberInput.typed(line.discountBasisPoints, scale: 100, display: display)
            values[prefix + "tax"] = NumberInput.typed(line.taxRateBasisPoints, scale: 100, display: display)
        }
        return values.filter { !$0.value.isEmpty }
    }

}
