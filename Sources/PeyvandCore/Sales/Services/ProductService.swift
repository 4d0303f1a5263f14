import FluentKit
import Foundation

/// The only writer of products. Every change writes the row, its audit entry and its outbox
/// event in one transaction. Products are catalogue data: rights come from the `products`
/// permission module; the creator is recorded as owner.
public struct ProductService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Product>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("sku", kind: .text), SortableColumn("name_fa", kind: .text), SortableColumn("name_en", kind: .text),
            SortableColumn("list_price", column: "list_price_minor", kind: .integer),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Product> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Product {
        try await SalesRecords.find(Product.self, id, for: .read, in: context, on: store.database)
    }

    /// The product with this SKU (compared as `Product.skuKey` does), if the actor may read it.
    public func find(sku: String, in context: RequestContext) async throws -> Product? {
        try await Product.query(on: store.database).scoped(to: context, for: .read).filter(\.$skuKey == Product.skuKey(sku)).first()
    }

    public func create(_ input: ProductInput, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Product {
        try context.require(.products, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        try validator.check()

        let now = store.now()
        return try await store.write { database in
            let currency = try await Self.organisationCurrency(context, on: database)
            let product = Product(organisationID: context.organisationID, sku: "", currency: currency)
            product.ownerUserID = context.userID
            Self.apply(input, to: product)
            try await Self.refuseTakenSKU(product.skuKey, excluding: nil, in: context, on: database)
            try await product.create(on: database)
            try await SalesRecords.recordChange(product, action: .create, before: nil, by: context, at: now, on: database)
            return product
        }
    }

    public func update(_ id: UUID, _ input: ProductInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Product {
        try context.require(.products, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let product = try await SalesRecords.lockForUpdate(Product.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = product.auditSnapshot
            Self.apply(input, to: product)
            if product.nameFa == nil && product.nameEn == nil {
                throw ValidationFailure([FieldError(field: "name_fa", code: .required), FieldError(field: "name_en", code: .required)])
            }
            if input.provided.contains("sku") {
                try await Self.refuseTakenSKU(product.skuKey, excluding: id, in: context, on: database)
            }
            try await product.update(on: database)
            try await SalesRecords.recordChange(product, action: .update, before: before, by: context, at: now, on: database)
            return product
        }
    }

    /// Soft delete: the product leaves every list and price lookup; administrators can restore it.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(Product.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    /// Brings a deleted product back, unless a live product has taken its SKU meanwhile.
    public func restore(_ id: UUID, by context: RequestContext) async throws -> Product {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .update) }
        if let deleted = try await Product.query(on: store.database).withDeleted().scoped(to: context).filter(\.$id == id).first(),
           deleted.deletedAt != nil {
            try await Self.refuseTakenSKU(deleted.skuKey, excluding: id, in: context, on: store.database)
        }
        return try await SalesRecords.restore(Product.self, id, by: context, at: store.now(), store: store)
    }

    static func apply(_ input: ProductInput, to product: Product) {
        let provided = input.provided
        if provided.contains("sku"), let sku = input.sku { product.sku = sku.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("name_fa") { product.nameFa = PartyInput.trimmed(input.nameFa) }
        if provided.contains("name_en") { product.nameEn = PartyInput.trimmed(input.nameEn) }
        if provided.contains("product_line") { product.productLine = PartyInput.trimmed(input.productLine) }
        if provided.contains("unit") { product.unit = PartyInput.trimmed(input.unit) ?? Product.defaultUnit }
        if let amount = input.listPrice?.amountMinor {
            product.listPriceMinor = amount
            if let currency = input.listPrice?.currency.flatMap(ProductInput.currencyCode) { product.currency = currency }
        }
        if let taxRate = input.taxRateBP { product.taxRateBP = taxRate }
        if let isActive = input.isActive { product.isActive = isActive }
        if provided.contains("description") { product.details = PartyInput.trimmed(input.description) }
        product.refreshDerivedFields()
    }

    private static func refuseTakenSKU(_ skuKey: String, excluding id: UUID?, in context: RequestContext,
                                       on database: any Database) async throws {
        let query = Product.query(on: database).scoped(to: context).filter(\.$skuKey == skuKey)
        if let id { query.filter(\.$id != id) }
        if let existing = try await query.first() { throw SalesError.skuTaken(existingProductID: existing.id!) }
    }

    /// The currency amounts default to: the organisation's own (IRR unless it chose another).
    static func organisationCurrency(_ context: RequestContext, on database: any Database) async throws -> String {
        try await Organisation.find(context.organisationID, on: database)?.currency ?? Money.defaultCurrency
    }
}
