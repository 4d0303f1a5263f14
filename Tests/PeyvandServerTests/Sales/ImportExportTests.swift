import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("CSV import and export")
struct ImportExportTests {
    func runJobs(_ app: Application) async throws {
        let worker = JobWorker(id: "test", store: app.store, handlers: app.peyvand.jobHandlers, logger: app.logger)
        while try await worker.runOnce() > 0 {}
    }

    func upload(_ app: Application, _ member: TestOrganisation.Member, _ resource: String, _ csv: String,
                query: String = "") async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "api/v1/import/\(resource)\(query)",
                                            headers: member.bearer.adding("Content-Type", "text/csv"), body: ByteBuffer(string: csv))
    }

    @Test func good_rows_land_and_each_bad_row_is_reported_with_its_line() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json,
                                                    body: jsonBody(["last_name": "Existing", "phones": [["number": "09120000001"]]]))
            let csv = "\u{FEFF}نام,نام خانوادگی,موبایل,تاریخ تولد,جنسیت,استان,برچسب‌ها\r\n"
                + "علي,رضایی,۰۹۱۲۱۱۱۲۲۳۳,۱۳۷۰/۰۵/۱۲,مرد,تهران,VIP;نمایشگاه\r\n"
                + "سارا,\"احمدی، دفتر مرکزی\",0912 111 2244,1990-01-31,زن,اصفهان,\r\n"
                + "Bad,Phone,12345,,,,\r\n"
                + "NoLastName,,09121112255,,,,\r\n"
                + "Twin,Of Ali,+98 912 111 2233,,,,\r\n"
                + "Old,Friend,09120000001,,,,\r\n"
                + "\"Multi\nLine\",Person,09121112266,1370/13/01,,,\r\n"
            let started = try await upload(app, org.admin, "contacts", csv)
            #expect(started.status == .accepted)
            let location = try #require(started.headers.first(name: .location))
            #expect(started.json["total_rows"] as? Int == 7)
            try await runJobs(app)

            let finished = try await app.testing().sendRequest(.GET, String(location.dropFirst()), headers: org.admin.bearer)
            #expect(finished.json["status"] as? String == "completed")
            #expect(finished.json["created"] as? Int == 2)
            #expect(finished.json["skipped"] as? Int == 2)
            #expect(finished.json["failed"] as? Int == 3)
            let ali = try #require(try await Contact.query(on: app.db).filter(\.$lastName == "رضایی").first())
            #expect(ali.firstName == "علي")
            #expect(ali.birthDate == "1991-08-03")
            #expect(ali.gender == "male")
            #expect(ali.tags == ["VIP", "نمایشگاه"])
            #expect(ali.address.province == "tehran")

            let report = try await app.testing().sendRequest(.GET, String(location.dropFirst()) + "/report", headers: org.admin.bearer.adding("Accept-Language", "en"))
            #expect(report.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let lines = report.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            let outcomes = lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
            #expect(outcomes == ["4,error", "5,error", "6,skipped", "7,skipped", "8,error"])
            #expect(lines.contains { $0.hasPrefix("4,error,phones.0.number") })
            #expect(lines.contains { $0.hasPrefix("8,error,birth_date") })
        }
    }

    @Test func the_update_policy_fills_existing_records_and_keeps_their_phones() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let existing = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                               body: jsonBody(["name": "Pars Co", "phones": [["number": "02188776655"]]]))
            let csv = "name,industry,email,phone\nPars Co,Retail,info@pars.ir,02122223333\nNew Co,Food,,\n"
            #expect(try await upload(app, org.admin, "accounts", csv, query: "?duplicates=update").status == .accepted)
            try await runJobs(app)
            let account = try await app.testing().sendRequest(.GET, "api/v1/accounts/\(existing.json["id"] as! String)", headers: org.admin.bearer)
            #expect(account.json["industry"] as? String == "Retail")
            #expect((account.json["phones"] as? [Any])?.count == 2)
            #expect(account.json["version"] as? Int == 2)
            #expect(try await Account.query(on: app.db).count() == 2)
        }
    }

    @Test func a_file_that_cannot_be_imported_is_refused_before_anything_starts() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let missingColumn = try await upload(app, org.admin, "contacts", "first_name,email\nAli,a@b.ir\n", query: "?mapping=%7B%22email%22%3A%22salary%22%7D")
            #expect(missingColumn.status == .unprocessableEntity)
            #expect(missingColumn.problemFields == ["columns.last_name", "mapping"])
            let notUTF8 = try await app.testing().sendRequest(.POST, "api/v1/import/contacts", headers: org.admin.bearer.adding("Content-Type", "text/csv"),
                                                              body: ByteBuffer(bytes: [0x6C, 0x61, 0x73, 0x74, 0xFF, 0xFE, 0x0A]))
            #expect(notUTF8.problemFields == ["file"])
            let unknownResource = try await upload(app, org.admin, "salaries", "a\n1\n")
            #expect(unknownResource.status == .notFound)
            let reader = try await org.addMember(role: .readOnly)
            #expect(try await upload(app, reader, "contacts", "last_name\nX\n").status == .forbidden)
            #expect(try await DataImport.query(on: app.db).count() == 0)
        }
    }

    @Test func export_streams_the_filtered_list_in_import_columns_and_hides_sensitive_ones_from_narrow_roles() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            for (name, tag, mobile) in [("Karimi", "vip", "09121110001"), ("Naderi", "other", "09121110002")] {
                let created = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: rep.bearer.json, body: jsonBody([
                    "last_name": name, "tags": [tag], "birth_date": "1990-01-01", "phones": [["number": mobile]],
                ]))
                #expect(created.status == .created)
            }
            let export = try await app.testing().sendRequest(.GET, "api/v1/export/contacts?tag=vip", headers: org.admin.bearer)
            #expect(export.status == .ok)
            let lines = export.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("\u{FEFF}id,first_name,last_name,gender,birth_date"))
            #expect(lines[1].contains("Karimi"))

            let narrow = try await app.testing().sendRequest(.GET, "api/v1/export/contacts", headers: rep.bearer)
            #expect(narrow.status == .ok)
            #expect(!narrow.body.string.contains("birth_date"))

            // What was exported imports back into another organisation unchanged in number.
            let other = try await TestOrganisation.make(app, name: "Other")
            let all = try await app.testing().sendRequest(.GET, "api/v1/export/contacts", headers: org.admin.bearer)
            #expect(try await upload(app, other.admin, "contacts", all.body.string).status == .accepted)
            try await runJobs(app)
            #expect(try await Contact.query(on: app.db).filter(\.$organisationID == other.id).count() == 2)
        }
    }
}
