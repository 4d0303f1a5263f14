import PeyvandCore
import Vapor

/// The price-list screens: lists, forms and a list's product prices (set by SKU, removed one by
/// one), through the same service as `PriceListsAPI`.
enum PriceListPages: RecordPages {
    typealias Record = PriceList
    static let resource = WebResource.priceLists
    static let regarding: RegardingType? = nil
    static let shape = FormData.Shape(booleans: ["is_active"])
    static let showsMoney = true
    static let bulkActions: [BulkAction] = [.delete]
    /// Product prices shown per page of a price list.
    static let itemsPerPage = 100

    static func service(_ page: WebPage) -> PriceListService { PriceListService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: PriceListsAPI.filters.map(\.name), resource: .priceLists, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, PriceListService.list, filters: PriceListsAPI.filters),
                                                  in: page.context)
        return page.render(page.text(.priceLists), section: .products,
                           PriceListViews.list(result, users: try await RecordNames.users(in: page), query: query, page: page))
    }

    /// `itemForm` is the "set a product's price" form, refused or empty.
    static func recordPage(_ page: WebPage, _ id: UUID, _ itemForm: FormState) async throws -> Response {
        let priceList = try await service(page).find(id, in: page.context)
        let cursor = try page.request.query[String.self, at: "items"].map(Cursor.init(encoded:))
        let items = try await service(page).items(of: id, page: PageRequest(limit: itemsPerPage, cursor: cursor, newestFirst: false), in: page.context)
        return page.render(priceList.name, section: .products, status: itemForm.formError == nil ? .ok : .unprocessableEntity,
                           PriceListViews.record(priceList, items: items, itemForm: itemForm, page: page))
    }

    static func blankForm(_ request: Request) -> FormState { FormState(values: ["is_active": "true", "currency": "IRR"]) }

    static func formPage(_ page: WebPage, state: FormState, record priceList: PriceList?, status: HTTPStatus) async throws -> Response {
        let title = priceList.map { "\(page.text(.edit)): \($0.name)" } ?? page.text(.newPriceList)
        return page.render(title, section: .products, status: status, PriceListViews.form(state, priceList: priceList, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> PriceList {
        try await service(page).find(id, in: page.context)
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> PriceList {
        try await service(page).create(PriceListsAPI.read(&reader), by: page.context, readProblems: reader.validator)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> PriceList {
        try await service(page).update(id, PriceListsAPI.read(&reader), expectedVersion: expectedVersion(form), by: page.context,
                                       readProblems: reader.validator)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of priceList: PriceList, display: Display) -> [String: String] {
        PriceListViews.values(of: priceList, display: display)
    }

    // MARK: - Items

    /// `POST /price-lists/{id}/items`: a product (by SKU) and its price, typed in the display unit.
    /// A bad SKU or price is shown beside its field on the price list's page, keeping what was typed.
    @Sendable static func setItem(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let priceList = try await service(page).find(id, in: page.context)
        let sku = form.value("sku")?.trimmingCharacters(in: .whitespaces) ?? ""
        let product = sku.isEmpty ? nil : try await ProductService(store: page.store).find(sku: sku, in: page.context)
        var problems = FieldValidator()
        if product == nil { problems.add("sku", sku.isEmpty ? .required : .referencedRecordMissing) }
        var price: Int64?
        if let text = form.value("unit_price"), !text.trimmingCharacters(in: .whitespaces).isEmpty {
            price = NumberInput.scaled(text, scale: page.display.typingScale(for: priceList.currency))
            if price == nil { problems.add("unit_price_minor", .invalidFormat) }
        } else {
            problems.add("unit_price_minor", .required)
        }
        do {
            try problems.check()
            if let product {
                _ = try await service(page).setItem(in: id, product: product.id!, unitPriceMinor: price, expectedVersion: nil, by: page.context)
            }
            return page.redirect(to: SiteURL.record(.priceLists, id).path)
        } catch let error as any DomainError where error.kind == .validation {
            var state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
            state.errors["unit_price"] = state.errors.removeValue(forKey: "unit_price_minor")
            if product == nil, !sku.isEmpty { state.errors["sku"] = ProductText.unknownSKU.text(in: page.language) }
            return try await recordPage(page, id, state)
        }
    }

    /// `POST /price-lists/{id}/items/{product_id}/remove`.
    @Sendable static func removeItem(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let id = try idParameter(request)
        try await service(page).removeItem(in: id, product: try idParameter(request, "product_id"), expectedVersion: nil, by: page.context)
        return page.redirect(to: SiteURL.record(.priceLists, id).path)
    }

    static func registerItemRoutes(on routes: any RoutesBuilder) {
        routes.post(SiteURL.recordAction(.priceLists, nil, "items").pathComponents, use: setItem)
        routes.post(SiteURL.recordAction(.priceLists, nil, "items/:product_id/remove").pathComponents, use: removeItem)
    }
}
