import FluentKit
import Foundation
import PeyvandCore
import Plot
import Vapor

/// How a document line names its product: the user types a SKU or a name; the script offers
/// matching active products as they type (and remembers the id of the one picked); without the
/// script the server finds the product by SKU, or by a name only one product has. A line's
/// product travels as a hidden id and is kept while its box still shows that product.
enum ProductPicker {
    static let suggestionCount = 8

    /// `LAP-14 · لپ‌تاپ`: what the box shows for a product.
    static func label(_ product: Product, in language: PeyvandCore.Language) -> String {
        "\(product.sku) · \(product.displayName(in: language))"
    }

    /// The line's product box (`lines.N.product`) and the id it carries (`lines.N.product_id`).
    static func node(_ prefix: String, label: String, state: FormState) -> Node<HTML.FormContext> {
        .group(
            FormField(prefix + "product", label, in: state).suggesting(from: SiteURL.suggestions(.products).path, into: prefix + "product_id").node,
            .unwrap(state.values[prefix + "product_id"]) { .input(.type(.hidden), .name(prefix + "product_id"), .value($0.attributeEscaped)) }
        )
    }

    /// The products the form's lines carry, in one query, for `chosen`.
    static func carried(in form: FormData, page: WebPage) async throws -> [UUID: Product] {
        let ids = form.pairs.filter { $0.name.hasSuffix(".product_id") }.compactMap { UUID(uuidString: $0.value) }
        guard !ids.isEmpty else { return [:] }
        return try await Product.query(on: page.store.database).filter(\.$organisationID == page.context.organisationID)
            .filter(\.$id ~~ ids).all().reduce(into: [:]) { $0[$1.id!] = $1 }
    }

    /// The product a line names: `typed` is the box's text (nil when the line has no box: then the
    /// carried id alone names it), `carried` the hidden id. nil with no problem for an empty box.
    static func chosen(typed: String?, carried: UUID?, known: [UUID: Product], page: WebPage) async throws
        -> (id: UUID?, problem: FieldErrorCode?) {
        guard let typed else { return (carried, nil) }
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return (nil, nil) }
        func same(_ a: String, _ b: String) -> Bool { SearchText.document([a]) == SearchText.document([b]) }
        if let carried, let product = known[carried],
           same(text, label(product, in: page.language)) || Product.skuKey(text) == product.skuKey {
            return (carried, nil)
        }
        let service = ProductService(store: page.store)
        let sku = text.components(separatedBy: " · ").first ?? text
        if let product = try await service.find(sku: sku, in: page.context) { return (product.id!, nil) }
        let matches = try await service.list(ListRequest(limit: 2, search: text), in: page.context).items
        if matches.count == 1 { return (matches[0].id!, nil) }
        return (nil, matches.isEmpty ? .referencedRecordMissing : .notUnique)
    }

    /// `GET /products/suggestions?q=`: active products as `<option>`s, each with its id.
    @Sendable static func suggestions(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let text = request.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        var products: [Product] = []
        if !text.isEmpty {
            products = try await ProductService(store: page.store).list(
                ListRequest(limit: suggestionCount, search: String(text.prefix(200)), filters: [.equals(column: "is_active", value: true)]),
                in: page.context).items
        }
        return HTMLFragment.response(.forEach(products) { product in
            .element(named: "option", nodes: [
                .attribute(named: "value", value: label(product, in: page.language).attributeEscaped),
                .attribute(named: "data-id", value: product.id!.uuidString.lowercased()),
            ])
        })
    }
}
