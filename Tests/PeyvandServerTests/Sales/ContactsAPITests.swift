import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Contacts API")
struct ContactsAPITests {
    @Test func a_contact_is_created_read_and_its_phone_normalised() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let body: [String: Any] = [
                "first_name": "علي", "last_name": "كاظمی", "phones": [["number": "۰۹۱۲ ۱۲۳ ۴۵۶۷"]],
                "emails": [["address": "Ali@Example.com"]], "birth_date": "1370/05/12",
                "address": ["province": "تهران", "city": "تهران", "postal_code": "۱۲۳۴۵۶۷۸۹۰"], "tags": ["VIP", "vip", "مشتری"],
                "preferences": ["opted_out": ["sms"], "preferred_channel": "email"],
            ]
            let created = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json, body: jsonBody(body))
            #expect(created.status == .created)
            #expect(created.headers.first(name: .eTag) == "\"1\"")
            let location = try #require(created.headers.first(name: .location))
            let read = try await app.testing().sendRequest(.GET, String(location.dropFirst()), headers: org.admin.bearer)
            #expect(read.status == .ok)
            let phones = read.json["phones"] as? [[String: Any]]
            #expect(phones?.first?["number"] as? String == "+989121234567")
            #expect(phones?.first?["label"] as? String == "mobile")
            #expect(read.json["birth_date"] as? String == "1991-08-03")
            #expect(read.json["birth_date_jalali"] as? String == "1370/05/12")
            #expect(read.json["tags"] as? [String] == ["VIP", "مشتری"])
            #expect((read.json["address"] as? [String: Any])?["province"] as? String == "tehran")
            #expect((read.json["address"] as? [String: Any])?["postal_code"] as? String == "1234567890")
            #expect((read.json["preferences"] as? [String: Any])?["opted_out"] as? [String] == ["sms"])
            #expect(read.json["owner_id"] as? String == org.admin.id.uuidString)
        }
    }

    @Test func bad_fields_are_all_reported_and_nothing_is_written() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let body: [String: Any] = [
                "last_name": "", "gender": "x", "birth_date": "1370/13/40", "phones": [["number": "12"], ["number": 5]],
                "emails": [["address": "nope"]], "account_id": UUID().uuidString, "address": ["province": "Atlantis", "postal_code": "12"],
                "preferences": ["opted_out": ["fax"]],
            ]
            let res = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json, body: jsonBody(body))
            #expect(res.status == .unprocessableEntity)
            #expect(res.problemFields == ["account_id", "address.postal_code", "address.province", "birth_date", "emails.0.address",
                                          "gender", "last_name", "phones.0.number", "phones.1.number", "preferences.opted_out"])
            #expect(try await Contact.query(on: app.db).count() == 0)
        }
    }

    @Test func the_same_mobile_in_another_spelling_is_a_duplicate_unless_allowed() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            func create(_ number: String, _ lastName: String, allow: Bool = false) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "api/v1/contacts" + (allow ? "?allow_duplicate=true" : ""), headers: org.admin.bearer.json,
                                                    body: jsonBody(["last_name": lastName, "phones": [["number": number]]]))
            }
            let first = try await create("09121234567", "Rahimi")
            #expect(first.status == .created)
            for spelling in ["+98 912 123 4567", "۰۹۱۲۱۲۳۴۵۶۷", "0098-912-1234567"] {
                let twin = try await create(spelling, "Someone else")
                #expect(twin.status == .conflict, "\(spelling)")
                #expect(twin.json["type"] as? String == "urn:peyvand:problem:duplicate-record")
                let duplicates = twin.json["duplicates"] as? [[String: Any]]
                #expect(duplicates?.first?["id"] as? String == first.json["id"] as? String)
                #expect(duplicates?.first?["matched_on"] as? [String] == ["phone"])
            }
            #expect(try await create("+98 912 123 4567", "Someone else", allow: true).status == .created)
            #expect(try await Contact.query(on: app.db).count() == 2)
        }
    }

    @Test func the_same_name_at_the_same_account_is_a_duplicate_whatever_the_letter_forms() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let first = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json,
                                                            body: jsonBody(["first_name": "علی رضا", "last_name": "کریمی"]))
            #expect(first.status == .created)
            let twin = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json,
                                                           body: jsonBody(["first_name": "علي‌رضا", "last_name": "كريمي"]))
            #expect(twin.status == .conflict)
            #expect((twin.json["duplicates"] as? [[String: Any]])?.first?["matched_on"] as? [String] == ["name"])
        }
    }

    @Test func stale_if_match_is_412_and_deleted_contacts_leave_lists_until_restored() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let created = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json,
                                                              body: jsonBody(["last_name": "Naderi"]))
            let path = "api/v1/contacts/\(created.json["id"] as! String)"
            let renamed = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                                                              body: jsonBody(["job_title": "CTO"]))
            #expect(renamed.status == .ok)
            #expect(renamed.json["version"] as? Int == 2)
            let stale = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                                                            body: jsonBody(["job_title": "CEO"]))
            #expect(stale.status == .preconditionFailed)

            #expect(try await app.testing().sendRequest(.DELETE, path, headers: org.admin.bearer).status == .noContent)
            #expect(try await app.testing().sendRequest(.GET, path, headers: org.admin.bearer).status == .notFound)
            let list = try await app.testing().sendRequest(.GET, "api/v1/contacts", headers: org.admin.bearer)
            #expect((list.json["data"] as? [Any])?.isEmpty == true)

            let restored = try await app.testing().sendRequest(.POST, path + "/restore", headers: org.admin.bearer)
            #expect(restored.status == .ok)
            #expect(restored.json["job_title"] as? String == "CTO")
            #expect(try await app.testing().sendRequest(.GET, path, headers: org.admin.bearer).status == .ok)
        }
    }
}
