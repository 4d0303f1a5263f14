import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The catalogue screens: products typed as people type prices (Toman, Persian digits, a VAT
/// percentage), price lists with Jalali validity and prices set by SKU, and the rights of a
/// sales rep, who reads the catalogue but does not change it.
@Suite("Web catalogue pages")
struct CataloguePagesTests {
    @Test func a_product_typed_in_toman_and_percent_is_stored_in_rials_and_basis_points() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let created = try await web.post("/products/new", [
                ("sku", "LAP-۱۴"), ("name_fa", "لپ‌تاپ"), ("name_en", "Laptop"), ("product_line", "سخت‌افزار"),
                ("list_price", "۱۲۵٬۰۰۰٫۵"), ("tax_rate", "۹"), ("unit", ""), ("is_active", "true"), ("description", ""),
            ])
            #expect(created.status == .seeOther)
            let product = try #require(try await Product.find(try WebClient.createdID(created), on: app.db))
            #expect(product.listPriceMinor == 1_250_005)
            #expect(product.taxRateBP == 900)
            #expect(product.isActive)

            let page = try await web.get("/products/\(product.id!)").body.string
            #expect(page.contains("۱۲۵٬۰۰۰٫۵ تومان"))
            #expect(page.contains("۹٪"))
            let list = try await web.get("/products?q=lap-14").body.string
            #expect(list.contains("/products/\(product.id!.uuidString.lowercased())"))

            let form = try await web.get("/products/\(product.id!)/edit").body.string
            #expect(form.contains(#"value="۱۲۵۰۰۰٫۵""#))
            #expect(form.contains(#"value="۹""#))
        }
    }

    @Test func a_refused_product_keeps_what_was_typed_with_each_error_beside_its_field() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let refused = try await web.post("/products/new", [
                ("sku", "SRV-1"), ("name_fa", ""), ("name_en", ""), ("list_price", "صد"), ("tax_rate", "150"), ("is_active", "true"),
            ])
            #expect(refused.status == .unprocessableEntity)
            let body = refused.body.string
            #expect(body.contains(#"id="field-name_fa-error""#))
            #expect(body.contains(#"id="field-list_price-error""#))
            #expect(body.contains(#"id="field-tax_rate-error""#))
            #expect(body.contains(#"value="SRV-1""#))
            #expect(body.contains(#"value="صد""#))
            #expect(try await Product.query(on: app.db).count() == 0)
        }
    }

    @Test func editing_a_product_can_deactivate_it_and_a_stale_edit_shows_both_versions() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let id = try WebClient.createdID(try await web.post("/products/new", [
                ("sku", "SRV-1"), ("name_fa", "پشتیبانی"), ("list_price", "100"), ("is_active", "true"),
            ]))
            let fields = [("sku", "SRV-1"), ("name_fa", "پشتیبانی سالانه"), ("list_price", "120"), ("is_active", "false")]
            #expect(try await web.post("/products/\(id)/edit", fields + [("version", "1")]).status == .seeOther)
            let product = try #require(try await Product.find(id, on: app.db))
            #expect(!product.isActive)
            #expect(product.listPriceMinor == 1200)

            let stale = try await web.post("/products/\(id)/edit", [("sku", "SRV-1"), ("name_fa", "نام دیگر"), ("list_price", "130"),
                                                                    ("is_active", "true"), ("version", "1")])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("پشتیبانی سالانه"))
            #expect(stale.body.string.contains(#"value="نام دیگر""#))
        }
    }

    @Test func a_price_list_sets_prices_by_sku_and_the_product_page_shows_them() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let productID = try WebClient.createdID(try await web.post("/products/new", [
                ("sku", "LAP-14"), ("name_fa", "لپ‌تاپ"), ("list_price", "125000"), ("is_active", "true"),
            ]))
            let listID = try WebClient.createdID(try await web.post("/price-lists/new", [
                ("name", "عمده‌فروشی ۱۴۰۵"), ("currency", "IRR"), ("valid_from", "۱۴۰۵/۰۱/۰۱"), ("valid_to", "۱۴۰۵/۱۲/۲۹"), ("is_active", "true"),
            ]))
            let priceList = try #require(try await PriceList.find(listID, on: app.db))
            #expect(priceList.validFrom == "2026-03-21")

            #expect(try await web.post("/price-lists/\(listID)/items", [("sku", "lap-۱۴"), ("unit_price", "۱۱۰٬۰۰۰")]).status == .seeOther)
            let item = try #require(try await PriceListItem.query(on: app.db).first())
            #expect(item.productID == productID)
            #expect(item.unitPriceMinor == 1_100_000)
            let productPage = try await web.get("/products/\(productID)").body.string
            #expect(productPage.contains("عمده‌فروشی ۱۴۰۵"))
            #expect(productPage.contains("۱۱۰٬۰۰۰ تومان"))

            let unknown = try await web.post("/price-lists/\(listID)/items", [("sku", "NOPE"), ("unit_price", "۹۹")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains(ProductText.unknownSKU.text(in: .fa)))
            #expect(unknown.body.string.contains(#"value="۹۹""#))
            #expect(try await PriceListItem.query(on: app.db).count() == 1)

            let removal = try await web.post("/price-lists/\(listID)/items/\(productID)/remove", [])
            #expect(removal.status == .seeOther)
            #expect(try await PriceListItem.query(on: app.db).count() == 0)
        }
    }

    @Test func a_sales_rep_reads_the_catalogue_but_is_offered_and_allowed_no_changes() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let admin = try await WebClient.signIn(app, email: org.admin.user.email)
            let productID = try WebClient.createdID(try await admin.post("/products/new", [
                ("sku", "LAP-14"), ("name_fa", "لپ‌تاپ"), ("list_price", "125000"), ("is_active", "true"),
            ]))
            let listID = try WebClient.createdID(try await admin.post("/price-lists/new", [("name", "Retail"), ("is_active", "true")]))
            let rep = try await WebClient.signIn(app, email: try await org.addMember(role: .salesRep).user.email)

            let list = try await rep.get("/products")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("LAP-14"))
            #expect(!list.body.string.contains(#"href="/products/new""#))
            #expect(!(try await rep.get("/products/\(productID)")).body.string.contains("/edit"))
            #expect(try await rep.post("/products/new", [("sku", "X"), ("name_fa", "x"), ("list_price", "1")]).status == .forbidden)
            #expect(try await rep.post("/price-lists/\(listID)/items", [("sku", "LAP-14"), ("unit_price", "1")]).status == .forbidden)
            #expect(try await Product.query(on: app.db).count() == 1)
            #expect(try await PriceListItem.query(on: app.db).count() == 0)
        }
    }
}
