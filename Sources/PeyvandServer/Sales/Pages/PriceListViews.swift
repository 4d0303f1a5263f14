import Foundation
import PeyvandCore
import Plot

/// What the price-list pages show (see `ContactViews` for the shape every record's views share).
enum PriceListViews {
    static func list(_ result: ListPage<PriceList>, users: [UUID: String], query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ProductText) -> String { key.text(in: language) }
        let columns: [ListColumn<PriceList>] = [
            ListView.selectColumn(\.id, label: \.name),
            ListColumn(SalesText.name.text(in: language), sort: "name") { .a(.href(SiteURL.record(.priceLists, $0.id).path), .text($0.name)) },
            ListColumn(text(.currency), key: "currency") { .text($0.currency) },
            ListColumn(text(.validFrom), sort: "valid_from", key: "valid_from") { .text(display.day($0.validFrom)) },
            ListColumn(text(.validTo), sort: "valid_to", key: "valid_to") { .text(display.day($0.validTo)) },
            ListColumn(text(.state), key: "state") { .text(text($0.isActive ? .active : .inactive)) },
        ]
        let filters = [
            FormField(name: "is_active", label: text(.state), control: .select(ProductViews.activeOptions(in: language)),
                      value: query.value(of: "is_active")),
        ]
        return ListView.recordList(result, resource: .priceLists, module: .products, title: .priceLists, newRecord: .newPriceList,
                                   columns: columns, filters: filters, bulkActions: PriceListPages.bulkActions,
                                   headerActions: [.a(.class("button quiet"), .href(SiteURL.records(.products).path), .text(page.text(.products)))],
                                   users: users, query: query, page: page)
    }

    static func record(_ priceList: PriceList, items: Page<PricedItem>, itemForm: FormState, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ProductText) -> String { key.text(in: language) }
        let id = priceList.id!
        let canEdit = priceList.permits(.update, by: page.context)
        return .group(
            RecordView.header(priceList.name, subtitle: validity(priceList, display: display), actions: [
                .if(canEdit, .a(.class("button"), .href(SiteURL.editRecord(.priceLists, id).path), .text(page.text(.edit)))),
                .if(priceList.permits(.delete, by: page.context),
                    page.button(page.text(.delete), posting: SiteURL.recordAction(.priceLists, id, "delete").path,
                                hidden: [("version", String(priceList.version))], class: "danger", confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-main"),
                RecordView.section(SalesText.details.text(in: language), RecordView.details([
                    (text(.currency), priceList.currency),
                    (text(.validity), validity(priceList, display: display)),
                    (text(.state), text(priceList.isActive ? .active : .inactive)),
                    (text(.description), priceList.details),
                ])),
                RecordView.section(text(.items),
                    items.items.isEmpty ? .p(.class("empty"), .text(text(.noItems))) : .table(
                        .class("records"),
                        .thead(.tr(.th(.text(text(.sku))), .th(.text(SalesText.name.text(in: language))), .th(.text(text(.price))),
                                   .th(.text(text(.listPrice))), .if(canEdit, .th(.span(.class("visually-hidden"), .text(text(.remove))))))),
                        .tbody(.forEach(items.items) { priced in
                            .tr(.td(.a(.href(SiteURL.record(.products, priced.product.id).path),
                                       .span(.attribute(named: "dir", value: "ltr"), .text(priced.product.sku)))),
                                .td(.text(priced.product.displayName(in: language))),
                                .td(.text(display.money(priced.item.unitPriceMinor, currency: priced.currency))),
                                .td(.class("muted"), .text(display.money(priced.product.listPriceMinor, currency: priced.product.currency))),
                                .if(canEdit, .td(page.button(text(.remove),
                                                             posting: SiteURL.recordAction(.priceLists, id, "items/\(priced.product.id!.uuidString.lowercased())/remove").path,
                                                             confirm: text(.confirmRemove)))))
                        })
                    ),
                    .unwrap(items.nextCursor) { cursor in
                        .nav(.class("pager"), .a(.href(SiteURL.record(.priceLists, id).with([("items", cursor.encoded)])), .text(page.text(.nextPage))))
                    },
                    .if(canEdit, itemEditor(priceList, state: itemForm, page: page)))
            )
        )
    }

    /// Sets one product's price: a new product is added, a listed one gets the new price.
    static func itemEditor(_ priceList: PriceList, state: FormState, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ProductText) -> String { key.text(in: language) }
        let unit = priceList.currency == "IRR" ? page.display.moneyUnitName : priceList.currency
        return .group(
            .h3(.text(text(.addItem))),
            page.form(
                action: SiteURL.recordAction(.priceLists, priceList.id, "items").path, class: "record-form item-editor",
                .unwrap(state.formError) { .div(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .div(.class("field-row"),
                     FormField("sku", text(.productSKU), in: state, isRequired: true, isLeftToRight: true).node,
                     FormField("unit_price", text(.priceIn(unit)), in: state, isRequired: true, isLeftToRight: true).node),
                .div(.class("form-actions"), .button(.type(.submit), .text(text(.setPrice))))
            )
        )
    }

    static func form(_ state: FormState, priceList: PriceList?, title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ProductText) -> String { key.text(in: language) }
        let action = priceList.map { SiteURL.editRecord(.priceLists, $0.id).path } ?? SiteURL.newRecord(.priceLists).path
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language),
                                stored: priceList.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(priceList) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                .div(.class("field-row"),
                     FormField("name", SalesText.name.text(in: language), in: state, isRequired: true).node,
                     FormField("currency", text(.currency), in: state, isLeftToRight: true).node),
                .div(.class("field-row"),
                     FormField("valid_from", text(.validFrom), in: state, hint: SalesText.dateHint.text(in: language)).date.node,
                     FormField("valid_to", text(.validTo), in: state, hint: SalesText.dateHint.text(in: language)).date.node),
                FormField("is_active", text(.state), in: state, control: .select(ProductViews.activeOptions(in: language)), isRequired: true).node,
                FormField("description", text(.description), in: state, control: .textarea).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(priceList.map { SiteURL.record(.priceLists, $0.id).path } ?? SiteURL.records(.priceLists).path),
                        .text(page.text(.cancel))))
            )
        )
    }

    static func values(of priceList: PriceList, display: Display) -> [String: String] {
        let values: [String: String?] = [
            "name": priceList.name, "currency": priceList.currency, "valid_from": display.dayInput(priceList.validFrom),
            "valid_to": display.dayInput(priceList.validTo), "is_active": priceList.isActive ? "true" : "false", "description": priceList.details,
        ]
        return values.compactMapValues { $0 }.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        let fields: [(String, ProductText)] = [("currency", .currency), ("valid_from", .validFrom), ("valid_to", .validTo),
                                               ("is_active", .state), ("description", .description)]
        return fields.reduce(into: ["name": SalesText.name.text(in: language)]) { $0[$1.0] = $1.1.text(in: language) }
    }

    /// `۱ فروردین ۱۴۰۵ – ۲۹ اسفند ۱۴۰۵`, with an open end said as such.
    static func validity(_ priceList: PriceList, display: Display) -> String {
        let open = ProductText.openEnded.text(in: display.language)
        if priceList.validFrom == nil && priceList.validTo == nil { return open }
        return (priceList.validFrom.map(display.day) ?? open) + " – " + (priceList.validTo.map(display.day) ?? open)
    }
}
