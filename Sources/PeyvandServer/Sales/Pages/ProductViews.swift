import Foundation
import PeyvandCore
import Plot

/// What the product pages show (see `ContactViews` for the shape every record's views share).
enum ProductViews {
    static func list(_ result: ListPage<Product>, users: [UUID: String], query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ProductText) -> String { key.text(in: language) }
        let columns: [ListColumn<Product>] = [
            ListView.selectColumn(\.id, label: \.sku),
            ListColumn(text(.sku), sort: "sku") { .a(.href(SiteURL.record(.products, $0.id).path), .span(.attribute(named: "dir", value: "ltr"), .text($0.sku))) },
            ListColumn(SalesText.name.text(in: language), sort: language == .fa ? "name_fa" : "name_en") { .text($0.displayName(in: language)) },
            ListColumn(text(.productLine), key: "product_line") { .text($0.productLine ?? "") },
            ListColumn(text(.unit), key: "unit") { .text(unitName($0.unit, in: language)) },
            ListColumn(text(.listPrice), sort: "list_price", key: "list_price") { .text(display.money($0.listPriceMinor, currency: $0.currency)) },
            ListColumn(text(.taxRate), key: "tax_rate") { .text(percent($0.taxRateBP, display: display)) },
            ListColumn(text(.state), key: "state") { .text(text($0.isActive ? .active : .inactive)) },
        ]
        let filters = [
            FormField(name: "is_active", label: text(.state), control: .select(activeOptions(in: language)), value: query.value(of: "is_active")),
            FormField(name: "product_line", label: text(.productLine), value: query.value(of: "product_line")),
        ]
        return ListView.recordList(result, resource: .products, module: .products, title: .products, newRecord: .newProduct, columns: columns,
                                   filters: filters, bulkActions: ProductPages.bulkActions,
                                   headerActions: [.a(.class("button quiet"), .href(SiteURL.records(.priceLists).path), .text(page.text(.priceLists)))],
                                   users: users, query: query, page: page)
    }

    static func record(_ product: Product, prices: [(priceList: PriceList, item: PriceListItem)], page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ProductText) -> String { key.text(in: language) }
        let id = product.id!
        return .group(
            RecordView.header(product.displayName(in: language), subtitle: product.sku, actions: [
                .if(product.permits(.update, by: page.context),
                    .a(.class("button"), .href(SiteURL.editRecord(.products, id).path), .text(page.text(.edit)))),
                .if(product.permits(.delete, by: page.context),
                    page.button(page.text(.delete), posting: SiteURL.recordAction(.products, id, "delete").path,
                                hidden: [("version", String(product.version))], class: "danger", confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-main"),
                RecordView.section(SalesText.details.text(in: language), RecordView.details([
                    (text(.sku), product.sku),
                    (text(.nameFa), product.nameFa),
                    (text(.nameEn), product.nameEn),
                    (text(.productLine), product.productLine),
                    (text(.unit), unitName(product.unit, in: language)),
                    (text(.listPrice), display.money(product.listPriceMinor, currency: product.currency)),
                    (text(.taxRate), percent(product.taxRateBP, display: display)),
                    (text(.state), text(product.isActive ? .active : .inactive)),
                    (text(.description), product.details),
                    (text(.createdAt), display.moment(product.createdAt)),
                ])),
                RecordView.section(text(.pricesInLists),
                    prices.isEmpty ? .p(.class("empty"), .text(text(.noPrices))) : .table(
                        .class("records"),
                        .thead(.tr(.th(.text(text(.priceList))), .th(.text(text(.price))), .th(.text(text(.validity))), .th(.text(text(.state))))),
                        .tbody(.forEach(prices) { entry in
                            .tr(.td(.a(.href(SiteURL.record(.priceLists, entry.priceList.id).path), .text(entry.priceList.name))),
                                .td(.text(display.money(entry.item.unitPriceMinor, currency: entry.priceList.currency))),
                                .td(.text(PriceListViews.validity(entry.priceList, display: display))),
                                .td(.text(text(entry.priceList.isActive ? .active : .inactive))))
                        })
                    ))
            )
        )
    }

    static func form(_ state: FormState, product: Product?, title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ProductText) -> String { key.text(in: language) }
        let action = product.map { SiteURL.editRecord(.products, $0.id).path } ?? SiteURL.newRecord(.products).path
        var listPrice = FormField("list_price", text(.listPriceIn(page.display.moneyUnitName)), in: state, isRequired: true, isLeftToRight: true)
        listPrice.error = state.errors["list_price"] ?? state.errors["list_price.amount_minor"]
        var taxRate = FormField("tax_rate", text(.taxRatePercent), in: state, isLeftToRight: true)
        taxRate.error = state.errors["tax_rate_bp"]
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language, display: page.display),
                                stored: product.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(product) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                .div(.class("field-row"),
                     FormField("sku", text(.sku), in: state, isRequired: true, isLeftToRight: true).node,
                     FormField("product_line", text(.productLine), in: state).node),
                .div(.class("field-row"),
                     FormField("name_fa", text(.nameFa), in: state).node,
                     FormField("name_en", text(.nameEn), in: state).node),
                .div(.class("field-row"),
                     listPrice.node,
                     taxRate.node),
                .div(.class("field-row"),
                     FormField("unit", text(.unit), in: state, hint: text(.unitHint)).node,
                     FormField("is_active", text(.state), in: state, control: .select(activeOptions(in: language)), isRequired: true).node),
                FormField("description", text(.description), in: state, control: .textarea).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(product.map { SiteURL.record(.products, $0.id).path } ?? SiteURL.records(.products).path),
                        .text(page.text(.cancel))))
            )
        )
    }

    static func values(of product: Product, display: Display) -> [String: String] {
        let values: [String: String?] = [
            "sku": product.sku, "name_fa": product.nameFa, "name_en": product.nameEn, "product_line": product.productLine,
            "unit": product.unit == Product.defaultUnit ? nil : product.unit,
            "list_price": display.typedAmount(product.listPriceMinor, currency: product.currency),
            "tax_rate": NumberInput.typed(Int64(product.taxRateBP), scale: 100, display: display),
            "is_active": product.isActive ? "true" : "false", "description": product.details,
        ]
        return values.compactMapValues { $0 }.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language, display: Display) -> [String: String] {
        let fields: [(String, ProductText)] = [
            ("sku", .sku), ("name_fa", .nameFa), ("name_en", .nameEn), ("product_line", .productLine), ("unit", .unit),
            ("list_price", .listPriceIn(display.moneyUnitName)), ("tax_rate", .taxRatePercent), ("is_active", .state),
            ("description", .description),
        ]
        return fields.reduce(into: [:]) { $0[$1.0] = $1.1.text(in: language) }
    }

    static func activeOptions(in language: PeyvandCore.Language) -> [(value: String, label: String)] {
        [("true", ProductText.active.text(in: language)), ("false", ProductText.inactive.text(in: language))]
    }

    /// The unit as stored, with the default shown in the reader's language.
    static func unitName(_ unit: String, in language: PeyvandCore.Language) -> String {
        unit == Product.defaultUnit ? (language == .fa ? "عدد" : "piece") : unit
    }

    /// Basis points as a percentage: 900 → `۹٪` / `9%`.
    static func percent(_ basisPoints: Int, display: Display) -> String {
        NumberInput.typed(Int64(basisPoints), scale: 100, display: display) + (display.language == .fa ? "٪" : "%")
    }
}
