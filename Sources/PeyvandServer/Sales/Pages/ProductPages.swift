import PeyvandCore
import Vapor

/// The product screens: the same service calls as `ProductsAPI`, rendered by `ProductViews`.
/// Products have no timeline (activities are about customers and deals, not catalogue entries).
enum ProductPages: RecordPages {
    typealias Record = Product
    static let resource = WebResource.products
    static let regarding: RegardingType? = nil
    static let shape = FormData.Shape(booleans: ["is_active"])
    static let showsMoney = true
    /// Catalogue entries carry no tags, and their owner is always their creator.
    static let bulkActions: [BulkAction] = [.delete]

    static func service(_ page: WebPage) -> ProductService { ProductService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: ProductsAPI.filters.map(\.name), resource: .products, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, ProductService.list, filters: ProductsAPI.filters),
                                                  in: page.context)
        return page.render(page.text(.products), section: .products,
                           ProductViews.list(result, users: try await RecordNames.users(in: page), query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response {
        let product = try await service(page).find(id, in: page.context)
        let prices = try await PriceListService(store: page.store).prices(of: id, in: page.context)
        return page.render(product.displayName(in: page.language), section: .products, ProductViews.record(product, prices: prices, page: page))
    }

    static func blankForm(_ request: Request) -> FormState { FormState(values: ["is_active": "true"]) }

    static func formPage(_ page: WebPage, state: FormState, record product: Product?, status: HTTPStatus) async throws -> Response {
        let title = product.map { "\(page.text(.edit)): \($0.displayName(in: page.language))" } ?? page.text(.newProduct)
        return page.render(title, section: .products, status: status, ProductViews.form(state, product: product, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> Product {
        try await service(page).find(id, in: page.context)
    }

    /// The list price is typed in the display unit and the tax rate as a percentage; the API takes
    /// minor units and basis points.
    static func prepare(_ object: inout [String: JSONValue], page: WebPage) {
        NumberInput.minorUnits(&object, field: "list_price", as: "list_price", scale: page.display.typingScale(for: "IRR"))
        if case .string(let text)? = object.removeValue(forKey: "tax_rate"), !text.isEmpty {
            object["tax_rate_bp"] = NumberInput.scaled(text, scale: 100).map { .int($0) } ?? .string(text)
        }
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Product {
        try await service(page).create(ProductsAPI.read(&reader), by: page.context, readProblems: reader.validator)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Product {
        try await service(page).update(id, ProductsAPI.read(&reader), expectedVersion: expectedVersion(form), by: page.context,
                                       readProblems: reader.validator)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of product: Product, display: Display) -> [String: String] {
        ProductViews.values(of: product, display: display)
    }
}
