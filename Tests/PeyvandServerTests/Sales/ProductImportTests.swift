import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Products through the CSV import: matched by SKU (letter case and Persian digits aside), which no
/// two live products may share.
@Suite("Product CSV import")
struct ProductImportTests {
    func createProduct(_ app: Application, _ org: TestOrganisation, sku: String, price: Int) async throws -> String {
        let created = try await app.testing().sendRequest(.POST, "api/v1/products", headers: org.admin.bearer.json, body: jsonBody([
            "sku": sku, "name_fa": "موجود", "list_price": ["amount_minor": price],
        ]))
        #expect(created.status == .created)
        return try #require(created.json["id"] as? String)
    }

    @Test func persian_headers_digits_and_percentages_are_read_and_bad_rows_are_reported_by_column() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let csv = "\u{FEFF}کد کالا,نام کالا,قیمت,مالیات,فعال,واحد\r\n"
                + "ERP-۱,نرم‌افزار حسابداری,۱۲٬۰۰۰٬۰۰۰,۹,بله,لایسنس\r\n"
                + "SRV-2,پشتیبانی سالانه,2500000,9.5,خیر,\r\n"
                + ",بی‌کد,1000,,,\r\n"
                + "BAD-PRICE,قیمت بد,ده هزار,,,\r\n"
                + "BAD-TAX,مالیات بد,1000,120,,\r\n"
                + "NO-PRICE,بی‌قیمت,,,,\r\n"
            let (finished, report) = try await importCSV(app, org, into: "products", csv)
            #expect(finished["status"] as? String == "completed")
            #expect(finished["created"] as? Int == 2)
            #expect(finished["failed"] as? Int == 4)
            #expect(report == ["4,error,sku", "5,error,list_price", "6,error,tax_rate", "7,error,list_price"])

            let erp = try #require(try await Product.query(on: app.db).filter(\.$skuKey == "erp-1").first())
            #expect(erp.sku == "ERP-۱")
            #expect(erp.nameFa == "نرم‌افزار حسابداری")
            #expect(erp.listPriceMinor == 12_000_000)
            #expect(erp.currency == "IRR")
            #expect(erp.taxRateBP == 900)
            #expect(erp.isActive)
            #expect(erp.unit == "لایسنس")
            #expect(erp.ownerUserID == org.admin.id)
            let support = try #require(try await Product.query(on: app.db).filter(\.$skuKey == "srv-2").first())
            #expect(support.taxRateBP == 950)
            #expect(!support.isActive)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$recordType == Product.auditType).count() == 2)
            #expect(try await OutboxEvent.query(on: app.db).filter(\.$eventType == "product.created").count() == 2)
        }
    }

    @Test func a_taken_sku_is_skipped_by_default_even_in_another_case_and_digit_form() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await createProduct(app, org, sku: "ERP-1", price: 5_000)
            let (finished, report) = try await importCSV(app, org, into: "products", "sku,name_fa,list_price\nerp-۱,دوباره,7000\nNEW-1,تازه,100\nnew-1,تکرار در فایل,200\n")
            #expect(finished["created"] as? Int == 1)
            #expect(finished["skipped"] as? Int == 2)
            #expect(report == ["2,skipped", "4,skipped"])
            #expect(try await Product.query(on: app.db).filter(\.$skuKey == "erp-1").first()?.listPriceMinor == 5_000)
        }
    }

    @Test func the_update_policy_changes_the_product_with_that_sku_and_keeps_what_the_row_leaves_out() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let id = try await createProduct(app, org, sku: "ERP-1", price: 5_000)
            // Every row is a whole product, as on creation; a matched product takes the row's non-empty values.
            let csv = "sku,name_en,list_price,product_line\nERP-1,Accounting,7000,Software\nNEW-1,New,100,\nnew-1,Newer,300,Services\n"
            let (finished, _) = try await importCSV(app, org, into: "products", csv, duplicates: "update")
            #expect(finished["created"] as? Int == 1)
            #expect(finished["updated"] as? Int == 2)

            let product = try await app.testing().sendRequest(.GET, "api/v1/products/\(id)", headers: org.admin.bearer)
            #expect((product.json["list_price"] as? [String: Any])?["amount_minor"] as? Int == 7_000)
            #expect(product.json["product_line"] as? String == "Software")
            #expect(product.json["name_fa"] as? String == "موجود")
            #expect(product.json["name_en"] as? String == "Accounting")
            #expect(product.json["version"] as? Int == 2)
            let later = try #require(try await Product.query(on: app.db).filter(\.$skuKey == "new-1").first())
            #expect(later.listPriceMinor == 300)
            #expect(later.productLine == "Services")
            #expect(later.nameEn == "Newer")
            let changes = try await AuditEntry.query(on: app.db).filter(\.$recordID == UUID(uuidString: id)!).filter(\.$action == "update").count()
            #expect(changes == 1)
        }
    }

    @Test func the_create_policy_cannot_make_a_second_product_with_a_taken_sku() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await createProduct(app, org, sku: "ERP-1", price: 5_000)
            let (finished, report) = try await importCSV(app, org, into: "products", "sku,name_en,list_price\nERP-1,Again,1\nNEW-1,New,2\nNEW-1,Twin,3\n",
                                                              duplicates: "create")
            #expect(finished["created"] as? Int == 1)
            #expect(finished["failed"] as? Int == 2)
            #expect(report == ["2,error,sku", "4,error,sku"])
            #expect(try await Product.query(on: app.db).count() == 2)
        }
    }

    @Test func a_product_export_imports_back_unchanged() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await importCSV(app, org, into: "products", "sku,name_fa,name_en,list_price,tax_rate,active\nERP-1,حسابداری,Accounting,12000000,9.25,no\n")
            let exported = try await app.testing().sendRequest(.GET, "api/v1/export/products", headers: org.admin.bearer)
            #expect(exported.status == .ok)
            let lines = exported.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "\u{FEFF}id,sku,name_fa,name_en,product_line,unit,list_price,currency,tax_rate,active,description,created_at")
            #expect(lines.count == 2)
            #expect(lines[1].contains(",ERP-1,حسابداری,Accounting,,unit,12000000,IRR,9.25,no,,"))

            let (finished, _) = try await importCSV(app, org, into: "products", lines.joined(separator: "\r\n"), duplicates: "update")
            #expect(finished["updated"] as? Int == 1)
            let product = try #require(try await Product.query(on: app.db).first())
            #expect(product.taxRateBP == 925)
            #expect(!product.isActive)
            // Nothing changed, so nothing was audited beyond the creation.
            #expect(try await AuditEntry.query(on: app.db).filter(\.$recordType == Product.auditType).count() == 1)
        }
    }
}
