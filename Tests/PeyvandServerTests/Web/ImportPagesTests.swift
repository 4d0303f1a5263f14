import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The CSV import pages: upload (staged, nothing imported), the column mapping step with
/// recognised titles pre-chosen, then the job's progress and the refused rows line by line.
@Suite("Web CSV import")
struct ImportPagesTests {
    func upload(_ web: WebClient, csv: String, token: String? = nil, to resource: String = "contacts") async throws -> TestingHTTPResponse {
        let boundary = "peyvand-test-boundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token ?? web.csrf)\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
        body += "--\(boundary)--\r\n"
        var headers = web.cookie
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await web.app.testing().sendRequest(.POST, "/\(resource)/import", headers: headers, body: ByteBuffer(string: body))
    }

    @Test func a_file_is_mapped_column_by_column_imported_and_its_refused_rows_are_listed() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            #expect(try await web.get("/contacts").body.string.contains(#"href="/contacts/import""#))
            let csv = "نام خانوادگی,Cell number,Notes\nاحمدی,09121112233,خوب\n,09120000000,بی‌نام\nکریمی,12,شماره بد"
            let staged = try await upload(web, csv: csv)
            #expect(staged.status == .seeOther)
            let mappingPath = try #require(staged.headers.first(name: .location))
            #expect(try await Contact.query(on: app.db).count() == 0)

            let mapping = try await web.get(mappingPath)
            #expect(mapping.status == .ok)
            // «نام خانوادگی» is recognised; «Cell number» is not and waits for the user.
            #expect(mapping.body.string.contains(#"<option value="last_name" selected="selected">"#))
            #expect(mapping.body.string.contains("09121112233"))

            let importID = try #require(mappingPath.split(separator: "/").dropLast().last.map(String.init))
            let missing = try await web.post("/imports/\(importID)/start", [("map.0", ""), ("map.1", "mobile"), ("map.2", "description"),
                                                                             ("policy", "skip")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("last_name"))

            let started = try await web.post("/imports/\(importID)/start", [("map.0", "last_name"), ("map.1", "mobile"), ("map.2", "description"),
                                                                             ("policy", "skip")])
            #expect(started.status == .seeOther)
            let worker = JobWorker(id: "test", store: app.store, handlers: app.peyvand.jobHandlers, logger: app.logger)
            while try await worker.runOnce() > 0 {}
            #expect(try await Contact.query(on: app.db).count() == 1)
            let progress = try await web.get("/imports/\(importID)")
            #expect(progress.body.string.contains("پایان یافت"))
            #expect(progress.body.string.contains("<td>۳</td>"))
            #expect(progress.body.string.contains("<td>۴</td>"))
        }
    }

    @Test func a_product_catalogue_is_imported_from_the_products_list_with_persian_titles_recognised() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let list = try await web.get("/products").body.string
            #expect(list.contains(#"href="/products/import""#))
            #expect(list.contains(#"/products/export"#))
            let staged = try await upload(web, csv: "کد کالا,نام فارسی,قیمت پایه,مالیات\nLAP-1,لپ‌تاپ,12500000,۹\n", to: "products")
            #expect(staged.status == .seeOther)
            let mappingPath = try #require(staged.headers.first(name: .location))
            let mapping = try await web.get(mappingPath).body.string
            #expect(mapping.contains(#"<option value="sku" selected="selected">"#))
            let importID = try #require(mappingPath.split(separator: "/").dropLast().last.map(String.init))
            let started = try await web.post("/imports/\(importID)/start", [("map.0", "sku"), ("map.1", "name_fa"), ("map.2", "list_price"),
                                                                             ("map.3", "tax_rate"), ("policy", "skip")])
            #expect(started.status == .seeOther)
            let worker = JobWorker(id: "test", store: app.store, handlers: app.peyvand.jobHandlers, logger: app.logger)
            while try await worker.runOnce() > 0 {}
            let product = try #require(try await Product.query(on: app.db).first())
            #expect(product.sku == "LAP-1")
            #expect(product.listPriceMinor == 12_500_000)
            #expect(product.taxRateBP == 900)
        }
    }

    @Test func an_upload_left_unmapped_for_a_day_is_removed_and_imports_under_way_are_kept() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let abandoned = try #require(try await upload(web, csv: "last_name\nاحمدی\n").headers.first(name: .location))
            let started = try #require(try await upload(web, csv: "last_name\nکریمی\n").headers.first(name: .location))
            let startedID = try #require(started.split(separator: "/").dropLast().last.map(String.init))
            #expect(try await web.post("/imports/\(startedID)/start", [("map.0", "last_name"), ("policy", "skip")]).status == .seeOther)

            #expect(try await StagedImportPurge.sweep(at: app.store.now().addingTimeInterval(3600), store: app.store) == 0)
            #expect(try await StagedImportPurge.sweep(at: app.store.now().addingTimeInterval(StagedImportPurge.keptFor + 60), store: app.store) == 1)
            #expect(try await web.get(abandoned).status == .notFound)
            #expect(try await DataImport.find(try #require(UUID(uuidString: startedID)), on: app.db) != nil)
        }
    }

    @Test func an_upload_without_the_sessions_token_is_refused() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            #expect(try await upload(web, csv: "last_name\nX", token: "forged").status == .forbidden)
            #expect(try await DataImport.query(on: app.db).count() == 0)
        }
    }
}
