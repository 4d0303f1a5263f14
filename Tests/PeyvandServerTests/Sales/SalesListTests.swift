import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Search, filters, sorting and paging of the sales lists, on both databases.
@Suite("Sales lists and search")
struct SalesListTests {
    func makeContacts(_ org: TestOrganisation, _ people: [[String: Any]]) async throws {
        for person in people {
            let res = try await org.app.testing().sendRequest(.POST, "api/v1/contacts?allow_duplicate=true", headers: org.admin.bearer.json,
                                                              body: jsonBody(person))
            #expect(res.status == .created)
        }
    }

    func names(_ res: TestingHTTPResponse) -> [String] {
        (res.json["data"] as? [[String: Any]] ?? []).compactMap { $0["last_name"] as? String }
    }

    @Test func search_ignores_arabic_letter_forms_digits_half_spaces_and_split_words() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            try await makeContacts(org, [
                ["first_name": "علی", "last_name": "رضایی", "phones": [["number": "09121112233"]]],
                ["first_name": "كاوه", "last_name": "کاوه‌ای", "emails": [["address": "kaveh@example.com"]]],
                ["first_name": "Sara", "last_name": "Ahmadi"],
            ])
            let cases: [(String, [String])] = [
                ("علي", ["رضایی"]), ("کاوه", ["کاوه‌ای"]), ("كاوهای", ["کاوه‌ای"]), ("۰۹۱۲۱۱۱", ["رضایی"]),
                ("+98 912 111 2233", ["رضایی"]), ("kaveh@example", ["کاوه‌ای"]), ("sar", ["Ahmadi"]), ("nobody", []),
                // Words typed apart that the record writes as one word (or with a half-space).
                ("کاوه ای", ["کاوه‌ای"]), ("sara ah madi", ["Ahmadi"]), ("sa ra", ["Ahmadi"]),
            ]
            for (query, expected) in cases {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let res = try await app.testing().sendRequest(.GET, "api/v1/contacts?q=\(encoded)", headers: org.admin.bearer)
                #expect(res.status == .ok, "\(query)")
                #expect(names(res) == expected, "\(query)")
            }
        }
    }

    @Test func lists_sort_by_a_column_and_page_without_gaps_or_repeats() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let lastNames = ["Bahrami", "Azadi", "Daneshvar", "Chamani", "Esmaeili", "Azadi"]
            try await makeContacts(org, lastNames.enumerated().map { ["last_name": $1, "first_name": "N\($0)"] })
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await app.testing().sendRequest(
                    .GET, "api/v1/contacts?sort=last_name&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), headers: org.admin.bearer)
                #expect(page.status == .ok)
                seen += names(page)
                cursor = page.json["next_cursor"] as? String
            } while cursor != nil
            #expect(seen == lastNames.sorted())

            let descending = try await app.testing().sendRequest(.GET, "api/v1/contacts?sort=-last_name&limit=1", headers: org.admin.bearer)
            #expect(names(descending) == ["Esmaeili"])
        }
    }

    @Test func filters_by_tag_owner_and_account_and_refuses_unknown_sorts() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                              body: jsonBody(["name": "Pars Co"]))
            let accountID = try #require(account.json["id"] as? String)
            try await makeContacts(org, [
                ["last_name": "Tagged", "tags": ["مشتري ویژه"]],
                ["last_name": "AtAccount", "account_id": accountID],
                ["last_name": "ForRep", "owner_id": rep.id.uuidString],
            ])
            let tag = "مشتری ویژه".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let tagged = try await app.testing().sendRequest(.GET, "api/v1/contacts?tag=\(tag)", headers: org.admin.bearer)
            #expect(names(tagged) == ["Tagged"])
            let atAccount = try await app.testing().sendRequest(.GET, "api/v1/contacts?account_id=\(accountID)", headers: org.admin.bearer)
            #expect(names(atAccount) == ["AtAccount"])
            let owned = try await app.testing().sendRequest(.GET, "api/v1/contacts?owner_id=\(rep.id)", headers: org.admin.bearer)
            #expect(names(owned) == ["ForRep"])

            let bad = try await app.testing().sendRequest(.GET, "api/v1/contacts?sort=password&gender=robot&account_id=x&created_after=yesterday",
                                                          headers: org.admin.bearer)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["account_id", "created_after", "gender", "sort"])
        }
    }

    @Test func ranked_search_pages_with_its_own_cursor() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            try await makeContacts(org, (1...5).map { ["first_name": "Reza", "last_name": "R\($0)"] })
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await app.testing().sendRequest(.GET, "api/v1/contacts?q=reza&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""),
                                                               headers: org.admin.bearer)
                #expect(page.status == .ok)
                seen += names(page)
                cursor = page.json["next_cursor"] as? String
            } while cursor != nil
            #expect(seen.sorted() == (1...5).map { "R\($0)" })
        }
    }
}
