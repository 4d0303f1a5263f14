import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Price lists: dated sets of per-product prices, and the effective price quotes start from.
@Suite("Price lists API")
struct PriceListsAPITests {
    static func createList(_ app: Application, _ member: TestOrganisation.Member, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "api/v1/price-lists", headers: member.bearer.json, body: jsonBody(body))
    }

    static func createProduct(_ app: Application, _ member: TestOrganisation.Member, sku: String, price: Int64,
                              taxRateBP: Int = 1000) async throws -> String {
        let res = try await ProductsAPITests.create(app, member, ProductsAPITests.product(sku, price: price, extra: ["tax_rate_bp": taxRateBP]))
        #expect(res.status == .created)
        return try #require(res.json["id"] as? String)
    }

    static func putItem(_ app: Application, _ member: TestOrganisation.Member, list: String, product: String, _ body: [String: Any],
                        headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var headers = member.bearer.json
        for (name, value) in extra { headers = headers.adding(name, value) }
        return try await app.testing().sendRequest(.PUT, "api/v1/price-lists/\(list)/items/\(product)", headers: headers, body: jsonBody(body))
    }

    func price(_ app: Application, _ member: TestOrganisation.Member, product: String, _ query: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, "api/v1/products/\(product)/price?\(query)", headers: member.bearer)
    }

    @Test func a_price_list_takes_jalali_or_gregorian_days_and_uses_etags() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let created = try await Self.createList(app, org.admin, ["name": "عمده‌فروشی ۱۴۰۵", "valid_from": "۱۴۰۵/۰۱/۰۱",
                                                                     "valid_to": "2027-03-20"])
            #expect(created.status == .created)
            #expect(created.headers.first(name: .eTag) == "\"1\"")
            #expect(created.json["valid_from"] as? String == "2026-03-21")
            #expect(created.json["valid_from_jalali"] as? String == "1405/01/01")
            #expect(created.json["valid_to_jalali"] as? String == "1405/12/29")
            #expect(created.json["currency"] as? String == "IRR")
            #expect(created.json["is_active"] as? Bool == true)
            let path = String(try #require(created.headers.first(name: .location)).dropFirst())

            let update = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                                                             body: jsonBody(["is_active": false, "valid_to": NSNull()]))
            #expect(update.status == .ok)
            #expect(update.headers.first(name: .eTag) == "\"2\"")
            #expect(update.json["valid_to"] == nil)
            let stale = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                                                            body: jsonBody(["name": "Lost"]))
            #expect(stale.status == .preconditionFailed)

            let list = try await app.testing().sendRequest(.GET, "api/v1/price-lists?is_active=false&q=%D8%B9%D9%85%D8%AF%D9%87", headers: org.admin.bearer)
            #expect((list.json["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["عمده‌فروشی ۱۴۰۵"])
        }
    }

    @Test func bad_price_lists_are_422_naming_every_field_and_names_are_unique() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let bad = try await Self.createList(app, org.admin, ["currency": "ریال", "valid_from": "1405/01/10", "valid_to": "1405/01/01",
                                                                 "is_active": 1])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["currency", "is_active", "name", "valid_to"])
            let badDay = try await Self.createList(app, org.admin, ["name": "X", "valid_from": "2026-02-30"])
            #expect(badDay.problemFields == ["valid_from"])
            #expect(try await PriceList.query(on: app.db).count() == 0)

            let first = try await Self.createList(app, org.admin, ["name": "Retail", "valid_from": "2026-03-21"])
            let id = try #require(first.json["id"] as? String)
            let dup = try await Self.createList(app, org.admin, ["name": " retail "])
            #expect(dup.status == .conflict)
            #expect(dup.problemFields == ["name"])
            // One end changed: checked against the stored other end.
            let backwards = try await app.testing().sendRequest(.PATCH, "api/v1/price-lists/\(id)", headers: org.admin.bearer.json,
                                                                body: jsonBody(["valid_to": "2026-03-01"]))
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.problemFields == ["valid_to"])
            #expect(try await PriceList.query(on: app.db).count() == 1)
        }
    }

    @Test func items_are_put_read_replaced_and_removed() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let product = try await Self.createProduct(app, org.admin, sku: "ITEM-1", price: 1000)
            let second = try await Self.createProduct(app, org.admin, sku: "ITEM-2", price: 2000)
            let listID = try #require(try await Self.createList(app, org.admin, ["name": "Wholesale"]).json["id"] as? String)

            let created = try await Self.putItem(app, org.admin, list: listID, product: product, ["unit_price_minor": 900])
            #expect(created.status == .created)
            #expect(created.headers.first(name: .eTag) == "\"1\"")
            #expect(created.json["sku"] as? String == "ITEM-1")
            #expect((created.json["unit_price"] as? [String: Any])?["amount_minor"] as? Int == 900)
            let itemPath = String(try #require(created.headers.first(name: .location)).dropFirst())
            #expect(try await app.testing().sendRequest(.GET, itemPath, headers: org.admin.bearer).status == .ok)

            let replaced = try await Self.putItem(app, org.admin, list: listID, product: product, ["unit_price_minor": 850],
                                                  headers: [("If-Match", "\"1\"")])
            #expect(replaced.status == .ok)
            #expect(replaced.headers.first(name: .eTag) == "\"2\"")
            let stale = try await Self.putItem(app, org.admin, list: listID, product: product, ["unit_price_minor": 1], headers: [("If-Match", "\"1\"")])
            #expect(stale.status == .preconditionFailed)
            #expect(try await Self.putItem(app, org.admin, list: listID, product: second, ["unit_price_minor": 1900]).status == .created)

            let items = try await app.testing().sendRequest(.GET, "api/v1/price-lists/\(listID)/items", headers: org.admin.bearer)
            let rows = items.json["data"] as? [[String: Any]] ?? []
            #expect(rows.compactMap { $0["sku"] as? String } == ["ITEM-1", "ITEM-2"])
            #expect(rows.compactMap { ($0["unit_price"] as? [String: Any])?["amount_minor"] as? Int } == [850, 1900])

            // A deleted product's item leaves the list with it.
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/products/\(second)", headers: org.admin.bearer).status == .noContent)
            let afterDelete = try await app.testing().sendRequest(.GET, "api/v1/price-lists/\(listID)/items", headers: org.admin.bearer)
            #expect((afterDelete.json["data"] as? [[String: Any]])?.count == 1)

            #expect(try await app.testing().sendRequest(.DELETE, itemPath, headers: org.admin.bearer).status == .noContent)
            #expect(try await app.testing().sendRequest(.GET, itemPath, headers: org.admin.bearer).status == .notFound)
            #expect(try await app.testing().sendRequest(.DELETE, itemPath, headers: org.admin.bearer).status == .notFound)
            let events = try await OutboxEvent.query(on: app.db).filter(\.$recordType == PriceListItem.auditType).sort(\.$id).all()
            #expect(events.map(\.eventType) == ["price_list_item.created", "price_list_item.updated", "price_list_item.created",
                                                "price_list_item.deleted"])
        }
    }

    @Test func an_item_for_an_unknown_product_with_a_bad_price_is_422_naming_both_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let other = try await TestOrganisation.make(app, name: "Other")
            let foreignProduct = try await Self.createProduct(app, other.admin, sku: "F-1", price: 10)
            let listID = try #require(try await Self.createList(app, org.admin, ["name": "Retail"]).json["id"] as? String)

            for product in [UUID().uuidString, foreignProduct, "not-a-uuid"] {
                let res = try await Self.putItem(app, org.admin, list: listID, product: product, ["unit_price_minor": -5])
                #expect(res.status == .unprocessableEntity, "\(product)")
                #expect(res.problemFields == ["product_id", "unit_price_minor"], "\(product)")
            }
            let missingPrice = try await Self.putItem(app, org.admin, list: listID, product: foreignProduct, ["unit_price_minor": "5"])
            #expect(missingPrice.problemFields == ["product_id", "unit_price_minor"])
            #expect(try await PriceListItem.query(on: app.db).count() == 0)
            #expect(try await OutboxEvent.query(on: app.db).filter(\.$recordType == PriceListItem.auditType).count() == 0)

            let unknownList = try await Self.putItem(app, org.admin, list: UUID().uuidString, product: foreignProduct, ["unit_price_minor": 5])
            #expect(unknownList.status == .notFound)
        }
    }

    @Test func the_effective_price_comes_from_an_active_list_on_days_it_is_valid() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let product = try await Self.createProduct(app, org.admin, sku: "EP-1", price: 1_000_000, taxRateBP: 1000)
            let unlisted = try await Self.createProduct(app, org.admin, sku: "EP-2", price: 500)
            let listID = try #require(try await Self.createList(app, org.admin, ["name": "1405", "valid_from": "1405/01/01",
                                                                                 "valid_to": "1405/12/29"]).json["id"] as? String)
            #expect(try await Self.putItem(app, org.admin, list: listID, product: product, ["unit_price_minor": 900_000]).status == .created)

            let inside = try await price(app, org.admin, product: product, "price_list_id=\(listID)&on=2026-06-01")
            #expect(inside.status == .ok)
            #expect(inside.json["source"] as? String == "price_list")
            #expect((inside.json["unit_price"] as? [String: Any])?["amount_minor"] as? Int == 900_000)
            #expect((inside.json["unit_price"] as? [String: Any])?["currency"] as? String == "IRR")
            #expect(inside.json["tax_rate_bp"] as? Int == 1000)
            #expect((inside.json["price_list_id"] as? String)?.lowercased() == listID.lowercased())

            // Both ends are inclusive; a Jalali day works too.
            for day in ["2026-03-21", "1405/12/29", "%DB%B1%DB%B4%DB%B0%DB%B5/%DB%B0%DB%B6/%DB%B1%DB%B0"] {
                #expect(try await price(app, org.admin, product: product, "price_list_id=\(listID)&on=\(day)").json["source"] as? String == "price_list", "\(day)")
            }
            for day in ["2026-03-20", "2027-03-21"] {
                let outside = try await price(app, org.admin, product: product, "price_list_id=\(listID)&on=\(day)")
                #expect(outside.json["source"] as? String == "list_price", "\(day)")
                #expect((outside.json["unit_price"] as? [String: Any])?["amount_minor"] as? Int == 1_000_000)
                #expect(outside.json["price_list_id"] == nil)
            }
            let notOnList = try await price(app, org.admin, product: unlisted, "price_list_id=\(listID)&on=2026-06-01")
            #expect(notOnList.json["source"] as? String == "list_price")
            let noList = try await price(app, org.admin, product: product, "on=2026-06-01")
            #expect(noList.json["source"] as? String == "list_price")
            // Without `on`: today in Tehran (the test clock stands in November 2026).
            let today = try await price(app, org.admin, product: product, "price_list_id=\(listID)")
            #expect(today.json["source"] as? String == "price_list")
            #expect((today.json["on"] as? String)?.hasPrefix("2026-11") == true)

            // An inactive list prices nothing.
            _ = try await app.testing().sendRequest(.PATCH, "api/v1/price-lists/\(listID)", headers: org.admin.bearer.json,
                                                    body: jsonBody(["is_active": false]))
            let inactive = try await price(app, org.admin, product: product, "price_list_id=\(listID)&on=2026-06-01")
            #expect(inactive.json["source"] as? String == "list_price")

            let bad = try await price(app, org.admin, product: product, "price_list_id=\(UUID().uuidString)&on=1405/13/01")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["on", "price_list_id"])
        }
    }

    @Test func a_list_with_items_keeps_its_currency() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let product = try await Self.createProduct(app, org.admin, sku: "C-1", price: 10)
            let listID = try #require(try await Self.createList(app, org.admin, ["name": "Export", "currency": "usd"]).json["id"] as? String)
            let empty = try await app.testing().sendRequest(.PATCH, "api/v1/price-lists/\(listID)", headers: org.admin.bearer.json,
                                                            body: jsonBody(["currency": "EUR"]))
            #expect(empty.json["currency"] as? String == "EUR")
            let item = try await Self.putItem(app, org.admin, list: listID, product: product, ["unit_price_minor": 199])
            #expect((item.json["unit_price"] as? [String: Any])?["currency"] as? String == "EUR")
            let change = try await app.testing().sendRequest(.PATCH, "api/v1/price-lists/\(listID)", headers: org.admin.bearer.json,
                                                             body: jsonBody(["currency": "USD"]))
            #expect(change.status == .unprocessableEntity)
            #expect(change.problemFields == ["currency"])
        }
    }

    @Test func reps_read_price_lists_but_cannot_change_them_and_other_organisations_get_404() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let other = try await TestOrganisation.make(app, name: "Other")
            let rep = try await org.addMember(role: .salesRep)
            let product = try await Self.createProduct(app, org.admin, sku: "A-1", price: 10)
            let listID = try #require(try await Self.createList(app, org.admin, ["name": "Retail"]).json["id"] as? String)
            #expect(try await Self.putItem(app, org.admin, list: listID, product: product, ["unit_price_minor": 9]).status == .created)

            #expect(try await Self.createList(app, rep, ["name": "Mine"]).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "api/v1/price-lists/\(listID)/items", headers: rep.bearer).status == .ok)
            #expect(try await Self.putItem(app, rep, list: listID, product: product, ["unit_price_minor": 1]).status == .forbidden)
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/price-lists/\(listID)/items/\(product)", headers: rep.bearer).status == .forbidden)
            #expect(try await price(app, rep, product: product, "price_list_id=\(listID)&on=2026-06-01").json["source"] as? String == "price_list")

            for path in ["price-lists/\(listID)", "price-lists/\(listID)/items", "price-lists/\(listID)/items/\(product)"] {
                #expect(try await app.testing().sendRequest(.GET, "api/v1/\(path)", headers: other.admin.bearer).status == .notFound, "\(path)")
            }
            #expect(try await Self.putItem(app, other.admin, list: listID, product: product, ["unit_price_minor": 1]).status == .notFound)
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/price-lists/\(listID)", headers: other.admin.bearer).status == .notFound)
            let otherList = try await app.testing().sendRequest(.GET, "api/v1/price-lists", headers: other.admin.bearer)
            #expect((otherList.json["data"] as? [Any])?.isEmpty == true)
            #expect(try await PriceListItem.query(on: app.db).first()?.unitPriceMinor == 9)
        }
    }
}
