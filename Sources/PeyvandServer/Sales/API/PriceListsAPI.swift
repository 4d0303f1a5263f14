import PeyvandCore
import Vapor

/// `/price-lists`: named, dated sets of prices, and their items (`/price-lists/{id}/items/{product_id}`).
enum PriceListsAPI {
    static func service(_ request: Request) -> PriceListService { PriceListService(store: request.store) }

    static let filters = [
        ListParameter("is_active", .bool),
        ListParameter("currency", .currency),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).list(try SalesRequests.listRequest(request, PriceListService.list, filters: filters), in: context)
        return try jsonResponse(ListBody(page) { PriceListDTO($0) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let priceList = try await service(request).find(try idParameter(request), in: context)
        return try jsonResponse(PriceListDTO(priceList), version: priceList.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let priceList = try await service(request).create(input, by: context, readProblems: reader.validator)
        return try jsonResponse(PriceListDTO(priceList), status: .created, version: priceList.version,
                                location: "/api/v1/price-lists/\(priceList.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let priceList = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                          by: context, readProblems: reader.validator)
        return try jsonResponse(PriceListDTO(priceList), version: priceList.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let priceList = try await service(request).restore(try idParameter(request), by: try request.actor)
        return try jsonResponse(PriceListDTO(priceList), version: priceList.version)
    }

    // MARK: - Items

    @Sendable static func items(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).items(of: try idParameter(request), page: try pageRequest(request, newestFirst: false), in: context)
        return try jsonResponse(ListBody(page) { PriceListItemDTO($0, language: context.language) })
    }

    @Sendable static func showItem(_ request: Request) async throws -> Response {
        let context = try request.actor
        let item = try await service(request).item(in: try idParameter(request), product: try idParameter(request, "product_id"), in: context)
        return try jsonResponse(PriceListItemDTO(item, language: context.language), version: item.item.version)
    }

    /// Creates (201) or replaces (200) one product's price; body `{ "unit_price_minor": 1250000 }`.
    @Sendable static func putItem(_ request: Request) async throws -> Response {
        let context = try request.actor
        let priceListID = try idParameter(request)
        var reader = try FieldReader(request)
        let unitPrice = reader.int64("unit_price_minor")
        // A product id that is not a UUID cannot name a product: reported with the body's problems.
        let productID = request.parameters.get("product_id").flatMap(UUID.init(uuidString:))
        if productID == nil { reader.validator.add("product_id", .referencedRecordMissing) }
        let (item, created) = try await service(request).setItem(
            in: priceListID, product: productID ?? UUID(), unitPriceMinor: unitPrice, expectedVersion: Versioning.expectedVersion(request),
            by: context, readProblems: reader.validator)
        return try jsonResponse(PriceListItemDTO(item, language: context.language), status: created ? .created : .ok, version: item.item.version,
                                location: created ? "/api/v1/price-lists/\(priceListID)/items/\(item.item.productID)" : nil)
    }

    @Sendable static func deleteItem(_ request: Request) async throws -> HTTPStatus {
        try await service(request).removeItem(in: try idParameter(request), product: try idParameter(request, "product_id"),
                                              expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    static func read(_ reader: inout FieldReader) -> PriceListInput {
        PriceListInput(
            provided: reader.providedKeys, name: reader.string("name"), currency: reader.string("currency"),
            validFrom: reader.string("valid_from"), validTo: reader.string("valid_to"), isActive: reader.bool("is_active"),
            description: reader.string("description"))
    }
}
