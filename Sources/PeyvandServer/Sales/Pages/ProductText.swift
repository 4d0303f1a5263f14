import PeyvandCore

/// The catalogue pages' labels (products and price lists), in both languages.
enum ProductText {
    case sku, nameFa, nameEn, productLine, unit, unitHint, listPriceIn(String), listPrice, taxRate, taxRatePercent, state, active, inactive
    case description, pricesInLists, noPrices, priceList, price, priceIn(String), validFrom, validTo, validity, currency, openEnded
    case items, noItems, addItem, productSKU, setPrice, remove, confirmRemove, unknownSKU, createdAt

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .sku: ("کد کالا", "SKU")
        case .nameFa: ("نام فارسی", "Persian name")
        case .nameEn: ("نام انگلیسی", "English name")
        case .productLine: ("خط محصول", "Product line")
        case .unit: ("واحد", "Unit")
        case .unitHint: ("مثلاً عدد، کیلوگرم، ساعت", "e.g. piece, kg, hour")
        case .listPriceIn(let unit): ("قیمت پایه (\(unit))", "List price (\(unit))")
        case .listPrice: ("قیمت پایه", "List price")
        case .taxRate: ("مالیات", "Tax")
        case .taxRatePercent: ("مالیات بر ارزش افزوده (درصد)", "VAT (percent)")
        case .state: ("وضعیت", "State")
        case .active: ("فعال", "Active")
        case .inactive: ("غیرفعال", "Inactive")
        case .description: ("توضیحات", "Description")
        case .pricesInLists: ("قیمت در فهرست‌های قیمت", "Prices in price lists")
        case .noPrices: ("در هیچ فهرست قیمتی نیست؛ قیمت پایه به کار می‌رود.", "In no price list; the list price applies.")
        case .priceList: ("فهرست قیمت", "Price list")
        case .price: ("قیمت", "Price")
        case .priceIn(let unit): ("قیمت (\(unit))", "Price (\(unit))")
        case .validFrom: ("معتبر از", "Valid from")
        case .validTo: ("معتبر تا", "Valid to")
        case .validity: ("اعتبار", "Validity")
        case .currency: ("ارز", "Currency")
        case .openEnded: ("بدون محدودیت", "Open-ended")
        case .items: ("قیمت کالاها", "Product prices")
        case .noItems: ("هنوز کالایی در این فهرست نیست.", "No products in this list yet.")
        case .addItem: ("افزودن یا تغییر قیمت کالا", "Add or change a product's price")
        case .productSKU: ("کد کالا", "Product SKU")
        case .setPrice: ("ثبت قیمت", "Set price")
        case .remove: ("برداشتن", "Remove")
        case .confirmRemove: ("این کالا از فهرست برداشته شود؟", "Remove this product from the list?")
        case .unknownSKU: ("کالایی با این کد پیدا نشد.", "No product has this SKU.")
        case .createdAt: ("تاریخ ایجاد", "Created")
        }
        return language == .fa ? text.fa : text.en
    }
}
