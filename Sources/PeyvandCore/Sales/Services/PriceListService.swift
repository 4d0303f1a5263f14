import FluentKit
import Foundation

/// A price-list item with the product it prices, in the list's currency.
public struct PricedItem: Sendable {
    public var item: PriceListItem
    public var product: Product
    public var currency: String

    public var unitPrice: Money { Money(amountMinor: item.unitPriceMinor, currency: currency) }
}

/// What one unit of a product costs on a day: the price list's price while that list is active
/// and valid, else the product's list price. Quotes, orders and invoices start from this.
public struct EffectivePrice: Sendable, Equatable {
    public enum Source: String, Sendable, CaseIterable {
        case priceList = "price_list"
        case listPrice = "list_price"
    }

    public var productID: UUID
    public var unitPrice: Money
    public var taxRateBP: Int
    public var source: Source
    /// The list whose price applied (nil when the list price did).
    public var priceListID: UUID?
    /// The Gregorian day the price was looked up for.
    public var day: String
}

/// The only writer of price lists and their items. Every change writes the row, its audit entry
/// and its outbox event in one transaction. Rights are those of the `products` module.
public struct PriceListService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<PriceList>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("name", kind: .text), SortableColumn("valid_from", kind: .text), SortableColumn("valid_to", kind: .text),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<PriceList> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> PriceList {
        try await SalesRecords.find(PriceList.self, id, for: .read, in: context, on: store.database)
    }

    public func create(_ input: PriceListInput, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> PriceList {
        try context.require(.products, .create)
        var validator = readProblems
        let clean = input.validate(creating: true, into: &validator)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let currency = try await ProductService.organisationCurrency(context, on: database)
            let priceList = PriceList(organisationID: context.organisationID, name: "", currency: currency)
            priceList.ownerUserID = context.userID
            Self.apply(input, clean, to: priceList)
            try await Self.refuseTakenName(priceList.nameKey, excluding: nil, in: context, on: database)
            try await priceList.create(on: database)
            try await SalesRecords.recordChange(priceList, action: .create, before: nil, by: context, at: now, on: database)
            return priceList
        }
    }

    /// The currency of a list that has items cannot change: its prices are amounts in it.
    public func update(_ id: UUID, _ input: PriceListInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> PriceList {
        try context.require(.products, .update)
        var validator = readProblems
        let clean = input.validate(creating: false, into: &validator)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let priceList = try await SalesRecords.lockForUpdate(PriceList.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = priceList.auditSnapshot
            if let currency = clean.currency, currency != priceList.currency,
               try await PriceListItem.query(on: database).scoped(to: context).filter(\.$priceListID == id).count() > 0 {
                throw ValidationFailure([FieldError(field: "currency", code: .readOnly)])
            }
            Self.apply(input, clean, to: priceList)
            if let from = priceList.validFrom, let to = priceList.validTo, to < from {
                throw ValidationFailure([FieldError(field: "valid_to", code: .outOfRange)])
            }
            if input.provided.contains("name") {
                try await Self.refuseTakenName(priceList.nameKey, excluding: id, in: context, on: database)
            }
            try await priceList.update(on: database)
            try await SalesRecords.recordChange(priceList, action: .update, before: before, by: context, at: now, on: database)
            return priceList
        }
    }

    /// Soft delete: the list stops applying and leaves every list; administrators can restore it.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(PriceList.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    /// Brings a deleted list back with its items, unless a live list has taken its name meanwhile.
    public func restore(_ id: UUID, by context: RequestContext) async throws -> PriceList {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .update) }
        if let deleted = try await PriceList.query(on: store.database).withDeleted().scoped(to: context).filter(\.$id == id).first(),
           deleted.deletedAt != nil {
            try await Self.refuseTakenName(deleted.nameKey, excluding: id, in: context, on: store.database)
        }
        return try await SalesRecords.restore(PriceList.self, id, by: context, at: store.now(), store: store)
    }

    // MARK: - Items

    /// The list's items for live products, oldest first (keyset pages on the item id).
    public func items(of priceListID: UUID, page: PageRequest, in context: RequestContext) async throws -> Page<PricedItem> {
        let priceList = try await find(priceListID, in: context)
        let rows = try await PriceListItem.query(on: store.database).scoped(to: context)
            .filter(\.$priceListID == priceListID)
            .join(Product.self, on: \PriceListItem.$productID == \Product.$id)
            .filter(Product.self, \.$deletedAt == nil)
            .page(page)
        return try rows.map { item in
            PricedItem(item: item, product: try item.joined(Product.self), currency: priceList.currency)
        }
    }

    /// What a product costs in each price list the actor may read, by list name (a product page's
    /// price table). Two queries, however many lists price it.
    public func prices(of productID: UUID, in context: RequestContext) async throws -> [(priceList: PriceList, item: PriceListItem)] {
        _ = try await SalesRecords.find(Product.self, productID, for: .read, in: context, on: store.database)
        let items = try await PriceListItem.query(on: store.database).scoped(to: context).filter(\.$productID == productID).all()
        let itemsByList = Dictionary(items.map { ($0.priceListID, $0) }, uniquingKeysWith: { first, _ in first })
        let lists = try await PriceList.query(on: store.database).scoped(to: context, for: .read)
            .filter(\.$id ~~ Array(itemsByList.keys)).sort(\.$name).all()
        return lists.compactMap { list in itemsByList[list.id!].map { (list, $0) } }
    }

    /// One product's item in the list; "not found" when the list does not price it.
    public func item(in priceListID: UUID, product productID: UUID, in context: RequestContext) async throws -> PricedItem {
        let priceList = try await find(priceListID, in: context)
        guard let item = try await PriceListItem.query(on: store.database).scoped(to: context)
            .filter(\.$priceListID == priceListID).filter(\.$productID == productID).first(),
              let product = try await Product.query(on: store.database).scoped(to: context).filter(\.$id == productID).first()
        else { throw PlatformError.notFound(recordType: PriceListItem.auditType) }
        return PricedItem(item: item, product: product, currency: priceList.currency)
    }

    /// Sets one product's price in the list, creating the item or replacing its price. Returns the
    /// item and whether it was created. An unknown product is a validation problem on `product_id`
    /// (reported with every other bad field); an unknown list is "not found".
    public func setItem(in priceListID: UUID, product productID: UUID, unitPriceMinor: Int64?, expectedVersion: Int?,
                        by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> (PricedItem, created: Bool) {
        try context.require(.products, .update)
        var validator = readProblems
        if let unitPriceMinor {
            if unitPriceMinor < 0 { validator.add("unit_price_minor", .outOfRange) }
        } else {
            validator.add("unit_price_minor", .required)
        }
        let priceList = try await SalesRecords.find(PriceList.self, priceListID, for: .update, in: context, on: store.database)
        let product = try await Product.query(on: store.database).scoped(to: context).filter(\.$id == productID).first()
        if product == nil { validator.add("product_id", .referencedRecordMissing) }
        try validator.check()
        guard let product, let unitPriceMinor else { throw ValidationFailure(validator.errors) }

        let now = store.now()
        return try await store.write { database in
            let existing = try await PriceListItem.query(on: database).scoped(to: context)
                .filter(\.$priceListID == priceListID).filter(\.$productID == productID).first()
            let item: PriceListItem
            let before: [String: JSONValue]?
            if let existing {
                item = existing
                before = item.auditSnapshot
                item.version = try await VersionGuard.bump(PriceListItem.schema, id: item.id!, organisationID: context.organisationID,
                                                           expected: expectedVersion, recordType: PriceListItem.auditType, on: database)
                item.unitPriceMinor = unitPriceMinor
                try await item.update(on: database)
            } else {
                // A client that names a version expects the item to exist already.
                if let expectedVersion { throw PlatformError.staleVersion(expected: expectedVersion, current: 0) }
                item = PriceListItem(organisationID: context.organisationID, priceListID: priceListID, productID: productID,
                                     unitPriceMinor: unitPriceMinor)
                before = nil
                try await item.create(on: database)
            }
            try await Self.recordChange(item, action: existing == nil ? .create : .update, before: before, by: context, at: now,
                                        on: database)
            return (PricedItem(item: item, product: product, currency: priceList.currency), existing == nil)
        }
    }

    /// Removes a product from the list (a hard delete: the audit log keeps what it was).
    public func removeItem(in priceListID: UUID, product productID: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try context.require(.products, .update)
        _ = try await SalesRecords.find(PriceList.self, priceListID, for: .update, in: context, on: store.database)
        let now = store.now()
        try await store.write { database in
            guard let item = try await PriceListItem.query(on: database).scoped(to: context)
                .filter(\.$priceListID == priceListID).filter(\.$productID == productID).first()
            else { throw PlatformError.notFound(recordType: PriceListItem.auditType) }
            _ = try await VersionGuard.bump(PriceListItem.schema, id: item.id!, organisationID: context.organisationID,
                                            expected: expectedVersion, recordType: PriceListItem.auditType, on: database)
            let before = item.auditSnapshot
            try await item.delete(on: database)
            try await Self.recordChange(item, action: .delete, before: before, by: context, at: now, on: database)
        }
    }

    // MARK: - Pricing

    /// The effective unit price of a product on `day` (either calendar; nil = today in the
    /// organisation's time zone): the item price of `priceListID` when that list is active, valid on
    /// the day and prices the product, else the product's list price.
    public func price(of productID: UUID, in priceListID: UUID?, on day: String? = nil,
                      for context: RequestContext) async throws -> EffectivePrice {
        let product = try await find(product: productID, in: context)
        var validator = FieldValidator()
        var resolvedDay: String?
        if let day {
            resolvedDay = CalendarDay.parse(day)
            if resolvedDay == nil { validator.add("on", .invalidFormat) }
        }
        var priceList: PriceList?
        if let priceListID {
            priceList = try await PriceList.query(on: store.database).scoped(to: context).filter(\.$id == priceListID).first()
            if priceList?.permits(.read, by: context) != true { validator.add("price_list_id", .referencedRecordMissing) }
        }
        try validator.check()
        var onDay = resolvedDay ?? ""
        if resolvedDay == nil { onDay = try await Self.today(in: context, at: store.now(), on: store.database) }

        if let priceList, priceList.applies(on: onDay),
           let item = try await PriceListItem.query(on: store.database).scoped(to: context)
            .filter(\.$priceListID == priceList.id!).filter(\.$productID == productID).first() {
            return EffectivePrice(productID: productID, unitPrice: Money(amountMinor: item.unitPriceMinor, currency: priceList.currency),
                                  taxRateBP: product.taxRateBP, source: .priceList, priceListID: priceList.id, day: onDay)
        }
        return EffectivePrice(productID: productID, unitPrice: product.listPrice, taxRateBP: product.taxRateBP, source: .listPrice,
                              priceListID: nil, day: onDay)
    }

    private func find(product id: UUID, in context: RequestContext) async throws -> Product {
        try await SalesRecords.find(Product.self, id, for: .read, in: context, on: store.database)
    }

    /// Today's Gregorian day in the organisation's time zone (Asia/Tehran unless it chose another).
    static func today(in context: RequestContext, at now: Date, on database: any Database) async throws -> String {
        let zoneName = try await Organisation.find(context.organisationID, on: database)?.timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zoneName.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "Asia/Tehran")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    private static func apply(_ input: PriceListInput, _ clean: PriceListInput.Clean, to priceList: PriceList) {
        let provided = input.provided
        if provided.contains("name"), let name = input.name { priceList.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let currency = clean.currency { priceList.currency = currency }
        if provided.contains("valid_from") { priceList.validFrom = clean.validFrom }
        if provided.contains("valid_to") { priceList.validTo = clean.validTo }
        if let isActive = input.isActive { priceList.isActive = isActive }
        if provided.contains("description") { priceList.details = PartyInput.trimmed(input.description) }
        priceList.refreshDerivedFields()
    }

    private static func refuseTakenName(_ nameKey: String, excluding id: UUID?, in context: RequestContext,
                                        on database: any Database) async throws {
        let query = PriceList.query(on: database).scoped(to: context).filter(\.$nameKey == nameKey)
        if let id { query.filter(\.$id != id) }
        if try await query.count() > 0 { throw PlatformError.nameTaken(field: "name") }
    }

    private static func recordChange(_ item: PriceListItem, action: AuditAction, before: [String: JSONValue]?,
                                     by context: RequestContext, at now: Date, on database: any Database) async throws {
        try await AuditTrail.record(action, of: item, before: before, by: context, at: now, on: database)
        let event = switch action {
        case .create: "created"
        case .delete: "deleted"
        default: "updated"
        }
        try await Outbox.append("\(PriceListItem.auditType).\(event)", recordType: PriceListItem.auditType, recordID: item.id!,
                                payload: item.auditSnapshot, organisationID: context.organisationID, at: now, on: database)
    }
}
