import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The product catalogue: SKUs, bilingual names, list prices, tax rates, search and rights.
@Suite("Products API")
struct ProductsAPITests {
    static func product(_ sku: String, fa: String? = "کالا", en: String? = nil, price: Int64 = 1_250_000,
                        extra: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["sku": sku, "list_price": ["amount_minor": price]]
        if let fa { body["name_fa"] = fa }
        if let en { body["name_en"] = en }
        return body.merging(extra) { $1 }
    }

    @discardableResult
    static func create(_ app: Application, _ member: TestOrganisation.Member, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "api/v1/products", headers: member.bearer.json, body: jsonBody(body))
    }

    func skus(_ res: TestingHTTPResponse) -> [String] {
        (res.json["data"] as? [[String: Any]] ?? []).compactMap { $0["sku"] as? String }
    }

    @Test func a_product_is_created_read_and_updated_with_etags_and_a_stale_if_match_is_412() async throws {
        try await withApp { app in
            // setup
            let org = try await TestOrganisation.make(app)

            // act
            let created = try await Self.create(app, org.admin, Self.product(" AB-100 ", fa: "کیک شکلاتی", en: "Chocolate cake",
                                                                          extra: ["product_line": "Bakery", "tax_rate_bp": 1000]))

            // verify
            #expect(created.status == .created)
            #expect(created.headers.first(name: .eTag) == "\"1\"")
            let location = try #require(created.headers.first(name: .location))
            #expect(created.json["sku"] as? String == "AB-100")
            #expect(created.json["name"] as? String == "Chocolate cake")  // Accept-Language: en
            #expect(created.json["unit"] as? String == "unit")
            #expect(created.json["is_active"] as? Bool == true)
            #expect(created.json["tax_rate_bp"] as? Int == 1000)
            let listPrice = created.json["list_price"] as? [String: Any]
            #expect(listPrice?["amount_minor"] as? Int == 1_250_000)
            #expect(listPrice?["currency"] as? String == "IRR")

            let path = String(location.dropFirst())
            let read = try await app.testing().sendRequest(.GET, path, headers: org.admin.bearer)
            #expect(read.status == .ok)
            #expect(read.headers.first(name: .eTag) == "\"1\"")

            let update = try await app.testing().sendRequest(
                .PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                body: jsonBody(["list_price": ["amount_minor": 30_000_000_000, "currency": "irr"], "unit": "عدد", "is_active": false]))
            #expect(update.status == .ok)
            #expect(update.headers.first(name: .eTag) == "\"2\"")
            #expect((update.json["list_price"] as? [String: Any])?["amount_minor"] as? Int == 30_000_000_000)
            #expect(update.json["unit"] as? String == "عدد")
            #expect(update.json["is_active"] as? Bool == false)
            #expect(update.json["name_fa"] as? String == "کیک شکلاتی")

            let stale = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                                                            body: jsonBody(["name_en": "Lost update"]))
            #expect(stale.status == .preconditionFailed)
            let after = try await app.testing().sendRequest(.GET, path, headers: org.admin.bearer)
            #expect(after.json["name_en"] as? String == "Chocolate cake")
            #expect(after.headers.first(name: .eTag) == "\"2\"")

            let clearingBothNames = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json,
                                                                        body: jsonBody(["name_fa": NSNull(), "name_en": NSNull()]))
            #expect(clearingBothNames.status == .unprocessableEntity)
            #expect(clearingBothNames.problemFields == ["name_en", "name_fa"])
        }
    }

    @Test func a_sku_is_unique_per_organisation_ignoring_case_and_spaces() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let first = try await Self.create(app, org.admin, Self.product("Ab-100"))
            let firstID = try #require(first.json["id"] as? String)

            let twin = try await Self.create(app, org.admin, Self.product("  aB-100"))
            #expect(twin.status == .conflict)
            #expect(twin.json["type"] as? String == "urn:peyvand:problem:duplicate-record")
            #expect(twin.problemFields == ["sku"])
            #expect((twin.json["existing_id"] as? String)?.lowercased() == firstID.lowercased())

            let other = try await Self.create(app, org.admin, Self.product("CD-200"))
            let otherID = try #require(other.json["id"] as? String)
            let rename = try await app.testing().sendRequest(.PATCH, "api/v1/products/\(otherID)", headers: org.admin.bearer.json,
                                                             body: jsonBody(["sku": "AB-100"]))
            #expect(rename.status == .conflict)
            #expect(try await Product.query(on: app.db).count() == 2)

            // A deleted product frees its SKU; it cannot come back while another holds it.
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/products/\(firstID)", headers: org.admin.bearer).status == .noContent)
            #expect(try await Self.create(app, org.admin, Self.product("AB-100")).status == .created)
            let restore = try await app.testing().sendRequest(.POST, "api/v1/products/\(firstID)/restore", headers: org.admin.bearer)
            #expect(restore.status == .conflict)

            // Another organisation has its own catalogue.
            let elsewhere = try await TestOrganisation.make(app, name: "Elsewhere")
            #expect(try await Self.create(app, elsewhere.admin, Self.product("AB-100")).status == .created)
        }
    }

    @Test func bad_input_is_422_naming_every_bad_field_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let bad = try await Self.create(app, org.admin, [
                "list_price": ["amount_minor": -1, "currency": "RIAL"], "tax_rate_bp": 10_001, "unit": String(repeating: "x", count: 31),
                "product_line": String(repeating: "y", count: 101), "is_active": "yes",
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["is_active", "list_price.amount_minor", "list_price.currency", "name_en", "name_fa",
                                          "product_line", "sku", "tax_rate_bp", "unit"])

            let noPrice = try await Self.create(app, org.admin, ["sku": "X-1", "name_en": "X", "list_price": ["amount_minor": 12.5]])
            #expect(noPrice.problemFields == ["list_price.amount_minor"])
            let missingPrice = try await Self.create(app, org.admin, ["sku": "X-1", "name_en": "X", "tax_rate_bp": NSNull()])
            #expect(missingPrice.problemFields == ["list_price"])
            #expect(try await Product.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$recordType == Product.auditType).count() == 0)
            #expect(try await OutboxEvent.query(on: app.db).filter(\.$recordType == Product.auditType).count() == 0)

            let product = try await Self.create(app, org.admin, Self.product("X-1", extra: ["tax_rate_bp": 900]))
            let id = try #require(product.json["id"] as? String)
            let badPatch = try await app.testing().sendRequest(.PATCH, "api/v1/products/\(id)", headers: org.admin.bearer.json,
                                                               body: jsonBody(["sku": " ", "tax_rate_bp": -5, "list_price": ["currency": "IRR"]]))
            #expect(badPatch.problemFields == ["list_price.amount_minor", "sku", "tax_rate_bp"])
            let unchanged = try await app.testing().sendRequest(.GET, "api/v1/products/\(id)", headers: org.admin.bearer)
            #expect(unchanged.json["tax_rate_bp"] as? Int == 900)
            #expect(unchanged.headers.first(name: .eTag) == "\"1\"")
            // null leaves the price, tax rate and active flag as they are.
            let nulls = try await app.testing().sendRequest(.PATCH, "api/v1/products/\(id)", headers: org.admin.bearer.json,
                                                            body: jsonBody(["list_price": NSNull(), "tax_rate_bp": NSNull(), "is_active": NSNull()]))
            #expect(nulls.status == .ok)
            #expect(nulls.json["tax_rate_bp"] as? Int == 900)
            #expect((nulls.json["list_price"] as? [String: Any])?["amount_minor"] as? Int == 1_250_000)
        }
    }

    @Test func search_finds_persian_names_typed_with_arabic_letters_and_skus() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            try await Self.create(app, org.admin, Self.product("CK-1", fa: "کیک شکلاتی", en: "Chocolate cake"))
            try await Self.create(app, org.admin, Self.product("TEA-22", fa: "چای سیاه", en: "Black tea"))
            try await Self.create(app, org.admin, Self.product("YG-7", fa: nil, en: "Yogurt"))
            let cases: [(String, [String])] = [
                ("كيك", ["CK-1"]), ("شكلات", ["CK-1"]), ("چاي", ["TEA-22"]), ("tea", ["TEA-22"]), ("ck", ["CK-1"]),
                ("yog", ["YG-7"]), ("۲۲", ["TEA-22"]), ("nothing", []),
            ]
            for (query, expected) in cases {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let res = try await app.testing().sendRequest(.GET, "api/v1/products?q=\(encoded)", headers: org.admin.bearer)
                #expect(res.status == .ok, "\(query)")
                #expect(skus(res) == expected, "\(query)")
            }
        }
    }

    @Test func lists_filter_by_line_activity_and_currency_and_sort_by_price() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            try await Self.create(app, org.admin, Self.product("P-3", price: 300, extra: ["product_line": "Dairy"]))
            try await Self.create(app, org.admin, Self.product("P-1", price: 100, extra: ["product_line": "Bakery"]))
            try await Self.create(app, org.admin, Self.product("P-2", price: 200, extra: ["product_line": "Bakery", "is_active": false]))
            try await Self.create(app, org.admin, ["sku": "P-4", "name_en": "Imported", "list_price": ["amount_minor": 999, "currency": "usd"]])

            func get(_ query: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.GET, "api/v1/products?\(query)", headers: org.admin.bearer)
            }
            #expect(skus(try await get("product_line=Bakery&sort=sku")) == ["P-1", "P-2"])
            #expect(skus(try await get("is_active=false")) == ["P-2"])
            #expect(skus(try await get("currency=usd")) == ["P-4"])
            #expect(skus(try await get("currency=IRR&is_active=true&sort=-list_price")) == ["P-3", "P-1"])

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await get("sort=list_price&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(page.status == .ok)
                seen += skus(page)
                cursor = page.json["next_cursor"] as? String
            } while cursor != nil
            #expect(seen == ["P-1", "P-2", "P-3", "P-4"])

            let bad = try await get("sort=price&is_active=maybe&currency=rials")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["currency", "is_active", "sort"])
        }
    }

    @Test func changes_are_audited_and_published_in_the_same_transaction() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let created = try await Self.create(app, org.admin, Self.product("AU-1", extra: ["tax_rate_bp": 900]))
            let id = try #require(created.json["id"] as? String)
            _ = try await app.testing().sendRequest(.PATCH, "api/v1/products/\(id)", headers: org.admin.bearer.json,
                                                    body: jsonBody(["tax_rate_bp": 1000]))
            _ = try await app.testing().sendRequest(.DELETE, "api/v1/products/\(id)", headers: org.admin.bearer)

            let log = try await app.testing().sendRequest(.GET, "api/v1/audit-log?record_id=\(id)", headers: org.admin.bearer)
            let entries = log.json["data"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["action"] as? String } == ["delete", "update", "create"])
            let changes = entries.dropFirst().first?["changes"] as? [String: [String: Any]]
            #expect(Set(changes?.keys.map { $0 } ?? []) == ["tax_rate_bp"])
            let events = try await OutboxEvent.query(on: app.db).filter(\.$recordID == UUID(uuidString: id)!).sort(\.$id).all()
            #expect(events.map(\.eventType) == ["product.created", "product.updated", "product.deleted"])
            #expect(try await app.testing().sendRequest(.GET, "api/v1/products/\(id)", headers: org.admin.bearer).status == .notFound)
        }
    }

    @Test func sales_reps_read_the_catalogue_but_only_managers_change_it_and_admins_restore() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let manager = try await org.addMember(role: .salesManager)

            #expect(try await Self.create(app, rep, Self.product("R-1")).status == .forbidden)
            let created = try await Self.create(app, manager, Self.product("M-1"))
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)

            #expect(try await app.testing().sendRequest(.GET, "api/v1/products/\(id)", headers: rep.bearer).status == .ok)
            #expect(skus(try await app.testing().sendRequest(.GET, "api/v1/products", headers: rep.bearer)) == ["M-1"])
            #expect(try await app.testing().sendRequest(.GET, "api/v1/products/\(id)/price", headers: rep.bearer).status == .ok)
            let repEdit = try await app.testing().sendRequest(.PATCH, "api/v1/products/\(id)", headers: rep.bearer.json,
                                                              body: jsonBody(["name_en": "x"]))
            #expect(repEdit.status == .forbidden)
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/products/\(id)", headers: rep.bearer).status == .forbidden)
            // Managers maintain the catalogue but do not delete from it (BuiltInRole grants no delete on products).
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/products/\(id)", headers: manager.bearer).status == .forbidden)
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/products/\(id)", headers: org.admin.bearer).status == .noContent)
            #expect(try await app.testing().sendRequest(.POST, "api/v1/products/\(id)/restore", headers: manager.bearer).status == .forbidden)
            let restored = try await app.testing().sendRequest(.POST, "api/v1/products/\(id)/restore", headers: org.admin.bearer)
            #expect(restored.status == .ok)
            #expect(restored.json["sku"] as? String == "M-1")
        }
    }

    @Test func the_catalogue_migration_reverts_and_applies_again() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            try await Self.create(app, org.admin, Self.product("MIG-1"))
            // The catalogue migration and the later ones that point at products (quotes' lines, cases, articles).
            let all = SalesModule.migrations
            let first = try #require(all.firstIndex { $0.name == "sales.0002" })
            let later = Array(all[first...]) + ServiceModule.migrations + KnowledgeModule.migrations

            // On one connection: another pooled SQLite connection may still read the schema as it was.
            try await app.db.transaction { database in
                for migration in later.reversed() { try await migration.revert(on: database).get() }
                // Everything they made is gone: preparing again would fail on any leftover table, index or trigger.
                for migration in later { try await migration.prepare(on: database).get() }
            }

            #expect(try await Product.query(on: app.db).count() == 0)
            #expect(try await Self.create(app, org.admin, Self.product("MIG-1")).status == .created)
            let found = try await app.testing().sendRequest(.GET, "api/v1/products?q=mig", headers: org.admin.bearer)
            #expect(skus(found) == ["MIG-1"])
        }
    }

    @Test func another_organisation_gets_404_and_an_empty_list() async throws {
        try await withApp { app in
            let home = try await TestOrganisation.make(app, name: "Home")
            let other = try await TestOrganisation.make(app, name: "Other")
            let created = try await Self.create(app, home.admin, Self.product("SECRET-1", en: "Secret widget"))
            let id = try #require(created.json["id"] as? String)

            for path in ["api/v1/products/\(id)", "api/v1/products/\(id)/price"] {
                #expect(try await app.testing().sendRequest(.GET, path, headers: other.admin.bearer).status == .notFound)
            }
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/products/\(id)", headers: other.admin.bearer).status == .notFound)
            #expect(try await app.testing().sendRequest(.POST, "api/v1/products/\(id)/restore", headers: other.admin.bearer).status == .notFound)
            let patch = try await app.testing().sendRequest(.PATCH, "api/v1/products/\(id)", headers: other.admin.bearer.json,
                                                            body: jsonBody(["name_en": "Stolen"]))
            #expect(patch.status == .notFound)
            #expect(skus(try await app.testing().sendRequest(.GET, "api/v1/products?q=secret", headers: other.admin.bearer)).isEmpty)
            #expect(try await Product.find(UUID(uuidString: id), on: app.db)?.nameEn == "Secret widget")
        }
    }
}
