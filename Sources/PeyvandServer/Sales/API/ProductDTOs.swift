import Foundation
import PeyvandCore

/// API shapes of the product catalogue (the API is not the table). Money is
/// `{ "amount_minor", "currency" }` as everywhere in the API.
struct ProductDTO: Encodable {
    var id: UUID
    var sku: String
    var nameFa: String?
    var nameEn: String?
    /// The name in the reader's language, falling back to the other one.
    var name: String
    var productLine: String?
    var unit: String
    var listPrice: Money
    var taxRateBp: Int
    var isActive: Bool
    var description: String?
    var ownerId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ product: Product, language: Language) {
        (id, sku, nameFa, nameEn) = (product.id!, product.sku, product.nameFa, product.nameEn)
        name = product.displayName(in: language)
        (productLine, unit, listPrice, taxRateBp) = (product.productLine, product.unit, product.listPrice, product.taxRateBP)
        (isActive, description, ownerId) = (product.isActive, product.details, product.ownerUserID)
        (version, createdAt, updatedAt) = (product.version, product.createdAt, product.updatedAt)
    }
}

struct PriceListDTO: Encodable {
    var id: UUID
    var name: String
    var currency: String
    var validFrom: String?
    var validTo: String?
    /// The same days in the Jalali calendar (`1405/01/01`).
    var validFromJalali: String?
    var validToJalali: String?
    var isActive: Bool
    var description: String?
    var ownerId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ priceList: PriceList) {
        (id, name, currency, isActive) = (priceList.id!, priceList.name, priceList.currency, priceList.isActive)
        (validFrom, validTo) = (priceList.validFrom, priceList.validTo)
        validFromJalali = priceList.validFrom.flatMap(ContactDTO.jalali)
        validToJalali = priceList.validTo.flatMap(ContactDTO.jalali)
        (description, ownerId) = (priceList.details, priceList.ownerUserID)
        (version, createdAt, updatedAt) = (priceList.version, priceList.createdAt, priceList.updatedAt)
    }
}

struct PriceListItemDTO: Encodable {
    var priceListId: UUID
    var productId: UUID
    var sku: String
    var productName: String
    var unitPrice: Money
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ priced: PricedItem, language: Language) {
        (priceListId, productId, unitPrice) = (priced.item.priceListID, priced.item.productID, priced.unitPrice)
        (sku, productName) = (priced.product.sku, priced.product.displayName(in: language))
        (version, createdAt, updatedAt) = (priced.item.version, priced.item.createdAt, priced.item.updatedAt)
    }
}

struct EffectivePriceDTO: Encodable {
    var productId: UUID
    var unitPrice: Money
    var taxRateBp: Int
    var source: String
    /// The list whose price applied; absent when the list price did.
    var priceListId: UUID?
    /// The Gregorian day the price is for.
    var on: String

    init(_ price: EffectivePrice) {
        (productId, unitPrice, taxRateBp, source) = (price.productID, price.unitPrice, price.taxRateBP, price.source.rawValue)
        (priceListId, on) = (price.priceListID, price.day)
    }
}
