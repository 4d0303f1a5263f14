import PeyvandCore
import Vapor

/// `/products`: the catalogue, and what a product costs on a day (`/products/{id}/price`).
enum ProductsAPI {
    static func service(_ request: Request) -> ProductService { ProductService(store: request.store) }

    static let filters = [
        ListParameter("product_line", .text),
        ListParameter("is_active", .bool),
        ListParameter("currency", .currency),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).list(try SalesRequests.listRequest(request, ProductService.list, filters: filters), in: context)
        return try jsonResponse(ListBody(page) { ProductDTO($0, language: context.language) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let product = try await service(request).find(try idParameter(request), in: context)
        return try jsonResponse(ProductDTO(product, language: context.language), version: product.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let product = try await service(request).create(input, by: context, readProblems: reader.validator)
        return try jsonResponse(ProductDTO(product, language: context.language), status: .created, version: product.version,
                                location: "/api/v1/products/\(product.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let product = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                        by: context, readProblems: reader.validator)
        return try jsonResponse(ProductDTO(product, language: context.language), version: product.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let context = try request.actor
        let product = try await service(request).restore(try idParameter(request), by: context)
        return try jsonResponse(ProductDTO(product, language: context.language), version: product.version)
    }

    /// `?price_list_id=…&on=…` (`on`: a day in either calendar; default today in the organisation's zone).
    @Sendable static func price(_ request: Request) async throws -> Response {
        let context = try request.actor
        let productID = try idParameter(request)
        var query = QueryReader(request)
        let priceListID = query.uuid("price_list_id")
        let day = query.string("on", max: 20)
        try query.finish()
        let price = try await PriceListService(store: request.store).price(of: productID, in: priceListID, on: day, for: context)
        return try jsonResponse(EffectivePriceDTO(price))
    }

    static func read(_ reader: inout FieldReader) -> ProductInput {
        let listPrice = reader.nested("list_price") {
            ProductInput.ListPrice(amountMinor: $0.int64("amount_minor"), currency: $0.string("currency"))
        }
        return ProductInput(
            provided: reader.providedKeys, sku: reader.string("sku"), nameFa: reader.string("name_fa"), nameEn: reader.string("name_en"),
            productLine: reader.string("product_line"), unit: reader.string("unit"), listPrice: listPrice,
            taxRateBP: reader.int("tax_rate_bp"), isActive: reader.bool("is_active"), description: reader.string("description"))
    }
}
