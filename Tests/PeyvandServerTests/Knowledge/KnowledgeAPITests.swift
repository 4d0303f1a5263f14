import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

private func send(_ app: Application, _ method: HTTPMethod, _ path: String, as member: TestOrganisation.Member,
                  _ body: [String: Any]? = nil, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
    var headers = body == nil ? member.bearer : member.bearer.json
    for (name, value) in extra { headers = headers.adding(name, value) }
    return try await app.testing().sendRequest(method, "api/v1/\(path)", headers: headers, body: body.map(jsonBody))
}

private func create(_ app: Application, as member: TestOrganisation.Member, _ body: [String: Any]) async throws -> String {
    let response = try await send(app, .POST, "kb-articles", as: member, body)
    #expect(response.status == .created, "\(response.body.string)")
    return try #require(response.json["id"] as? String)
}

@Suite("Knowledge base: articles, revisions, status, search, views and votes, articles on cases")
struct KnowledgeAPITests {
    @Test func an_article_is_written_revised_published_and_archived_with_every_revision_kept() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let created = try await send(app, .POST, "kb-articles", as: org.admin, [
                "title": "کارتخوان روشن نمی‌شود", "body": "## راه‌حل\n- آداپتور را عوض کنید\n- **کابل** را ببینید",
                "category": "سخت‌افزار", "keywords": ["کارتخوان", "آداپتور"],
            ])
            #expect(created.status == .created, "\(created.body.string)")
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["status"] as? String == "draft")
            #expect(created.json["revision"] as? Int == 1)
            #expect(created.json["language"] as? String == "fa")
            #expect(created.json["keywords"] as? [String] == ["کارتخوان", "آداپتور"])
            #expect(created.json["body_html"] as? String
                    == "<div class=\"article-body\" dir=\"auto\"><h3>راه‌حل</h3><ul><li>آداپتور را عوض کنید</li><li><strong>کابل</strong> را ببینید</li></ul></div>")

            // Publishing alone is not a new revision; changing the text is.
            let published = try await send(app, .PATCH, "kb-articles/\(id)", as: org.admin, ["status": "published"], headers: [("If-Match", "\"1\"")])
            #expect(published.status == .ok)
            #expect(published.json["revision"] as? Int == 1)
            #expect(published.json["published_at"] != nil)
            let edited = try await send(app, .PATCH, "kb-articles/\(id)", as: org.admin, ["body": "آداپتور ۱۲ ولت را عوض کنید"])
            #expect(edited.json["revision"] as? Int == 2)
            #expect(edited.json["status"] as? String == "published")

            let revisions = try await send(app, .GET, "kb-articles/\(id)/revisions", as: org.admin)
            let rows = try #require(revisions.json["data"] as? [[String: Any]])
            #expect(rows.map { $0["revision"] as? Int } == [2, 1])
            #expect(rows.last?["body"] as? String == "## راه‌حل\n- آداپتور را عوض کنید\n- **کابل** را ببینید")
            let first = try await send(app, .GET, "kb-articles/\(id)/revisions/1", as: org.admin)
            #expect(first.json["title"] as? String == "کارتخوان روشن نمی‌شود")
            #expect(try await send(app, .GET, "kb-articles/\(id)/revisions/9", as: org.admin).status == .notFound)

            let archived = try await send(app, .PATCH, "kb-articles/\(id)", as: org.admin, ["status": "archived"])
            #expect(archived.json["archived_at"] != nil)
            // Archived goes back to draft before it is published again.
            let skipped = try await send(app, .PATCH, "kb-articles/\(id)", as: org.admin, ["status": "published"])
            #expect(skipped.status == .conflict)
            #expect(skipped.json["type"] as? String == "urn:peyvand:problem:invalid-transition")
        }
    }

    @Test func bad_input_names_every_field_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let bad = try await send(app, .POST, "kb-articles", as: org.admin, [
                "title": " ", "language": "xx", "status": "live", "product_id": UUID().uuidString, "keywords": ["", String(repeating: "ک", count: 61)],
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["body", "keywords.0", "keywords.1", "language", "product_id", "status", "title"])
            let list = try await send(app, .GET, "kb-articles", as: org.admin)
            #expect((list.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func readers_see_published_articles_and_only_editors_see_drafts() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let agent = try await org.addMember(role: .supportAgent)
            let rep = try await org.addMember(role: .salesRep)
            let published = try await create(app, as: agent, ["title": "بازنشانی رمز", "body": "از صفحهٔ ورود", "status": "published"])
            let draft = try await create(app, as: agent, ["title": "پیش‌نویس", "body": "هنوز کامل نیست"])
            let othersDraft = try await create(app, as: org.admin, ["title": "پیش‌نویس مدیر", "body": "متن"])

            func titles(_ member: TestOrganisation.Member) async throws -> Set<String> {
                let list = try await send(app, .GET, "kb-articles", as: member)
                return Set((list.json["data"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String })
            }
            #expect(try await titles(rep) == ["بازنشانی رمز"])
            #expect(try await titles(agent) == ["بازنشانی رمز", "پیش‌نویس"])
            #expect(try await titles(org.admin) == ["بازنشانی رمز", "پیش‌نویس", "پیش‌نویس مدیر"])
            #expect(try await send(app, .GET, "kb-articles/\(draft)", as: rep).status == .notFound)
            #expect(try await send(app, .GET, "kb-articles/\(published)", as: rep).status == .ok)
            // The agent may edit their own article but not someone else's.
            #expect(try await send(app, .GET, "kb-articles/\(othersDraft)", as: agent).status == .notFound)
            #expect(try await send(app, .PATCH, "kb-articles/\(published)", as: agent, ["title": "بازنشانی گذرواژه"]).status == .ok)
            let adminPublished = try await create(app, as: org.admin, ["title": "راهنمای مدیر", "body": "متن", "status": "published"])
            #expect(try await send(app, .PATCH, "kb-articles/\(adminPublished)", as: agent, ["title": "x"]).status == .forbidden)
            #expect(try await send(app, .POST, "kb-articles", as: rep, ["title": "x", "body": "y"]).status == .forbidden)

            let other = try await TestOrganisation.make(app, name: "Else")
            #expect(try await send(app, .GET, "kb-articles/\(published)", as: other.admin).status == .notFound)
            #expect((try await send(app, .GET, "kb-articles", as: other.admin).json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func search_ignores_persian_letter_forms_and_filters_by_category_and_status() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await create(app, as: org.admin, ["title": "تنظیم چاپگر", "body": "درایور را نصب کنید", "category": "نرم‌افزار",
                                                      "keywords": ["پرینتر"], "status": "published"])
            _ = try await create(app, as: org.admin, ["title": "صورتحساب ماهانه", "body": "از بخش مالی", "category": "مالی"])
            // ي and ك as Arabic letters, and a keyword rather than a word of the text.
            let found = try await send(app, .GET, "kb-articles?q=\("درايور".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", as: org.admin)
            #expect((found.json["data"] as? [[String: Any]])?.map { $0["title"] as? String } == ["تنظیم چاپگر"])
            let keyword = try await send(app, .GET, "kb-articles?q=\("پرینتر".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", as: org.admin)
            #expect((keyword.json["data"] as? [Any])?.count == 1)
            let category = try await send(app, .GET, "kb-articles?category=\("نرم افزار".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", as: org.admin)
            #expect((category.json["data"] as? [[String: Any]])?.map { $0["title"] as? String } == ["تنظیم چاپگر"])
            let drafts = try await send(app, .GET, "kb-articles?status=draft", as: org.admin)
            #expect((drafts.json["data"] as? [[String: Any]])?.map { $0["title"] as? String } == ["صورتحساب ماهانه"])
            let bad = try await send(app, .GET, "kb-articles?status=live&sort=nope", as: org.admin)
            #expect(bad.problemFields == ["sort", "status"])
        }
    }

    @Test func views_count_readings_and_each_reader_has_one_replaceable_vote() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let agent = try await org.addMember(role: .supportAgent)
            let id = try await create(app, as: org.admin, ["title": "بازنشانی رمز", "body": "از صفحهٔ ورود", "status": "published"])
            _ = try await send(app, .POST, "kb-articles/\(id)/views", as: agent)
            let viewed = try await send(app, .POST, "kb-articles/\(id)/views", as: org.admin)
            #expect(viewed.json["view_count"] as? Int == 2)
            // Reading is not editing: the version stays.
            #expect(viewed.json["version"] as? Int == 1)

            _ = try await send(app, .POST, "kb-articles/\(id)/feedback", as: agent, ["helpful": true])
            var voted = try await send(app, .POST, "kb-articles/\(id)/feedback", as: org.admin, ["helpful": true])
            #expect(voted.json["helpful_count"] as? Int == 2)
            voted = try await send(app, .POST, "kb-articles/\(id)/feedback", as: agent, ["helpful": false])
            #expect(voted.json["helpful_count"] as? Int == 1)
            #expect(voted.json["not_helpful_count"] as? Int == 1)
            let missing = try await send(app, .POST, "kb-articles/\(id)/feedback", as: agent, ["helpful": "yes"])
            #expect(missing.problemFields == ["helpful"])
        }
    }

    @Test func an_article_used_on_a_case_is_recorded_with_its_revision_and_counted() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let article = try await create(app, as: org.admin, ["title": "بازنشانی رمز", "body": "از صفحهٔ ورود", "status": "published"])
            let draft = try await create(app, as: org.admin, ["title": "پیش‌نویس", "body": "متن"])
            let opened = try await send(app, .POST, "cases", as: org.admin, ["title": "رمزم را فراموش کرده‌ام"])
            let caseID = try #require(opened.json["id"] as? String)

            let linked = try await send(app, .POST, "cases/\(caseID)/articles", as: org.admin, ["article_id": article])
            #expect(linked.status == .created, "\(linked.body.string)")
            #expect(linked.json["revision"] as? Int == 1)
            #expect(try await send(app, .POST, "cases/\(caseID)/articles", as: org.admin, ["article_id": article]).status == .ok)
            #expect(try await send(app, .GET, "kb-articles/\(article)", as: org.admin).json["case_count"] as? Int == 1)
            let refused = try await send(app, .POST, "cases/\(caseID)/articles", as: org.admin, ["article_id": draft])
            #expect(refused.problemFields == ["article_id"])
            let unknown = try await send(app, .POST, "cases/\(caseID)/articles", as: org.admin, ["article_id": UUID().uuidString])
            #expect(unknown.problemFields == ["article_id"])

            let used = try await send(app, .GET, "cases/\(caseID)/articles", as: org.admin)
            #expect((used.json["data"] as? [[String: Any]])?.map { $0["article_id"] as? String } == [article])
            // A rep who may not update cases may not record articles on them.
            let rep = try await org.addMember(role: .salesRep)
            #expect(try await send(app, .POST, "cases/\(caseID)/articles", as: rep, ["article_id": article]).status == .forbidden)

            #expect(try await send(app, .DELETE, "cases/\(caseID)/articles/\(article)", as: org.admin).status == .noContent)
            #expect(try await send(app, .DELETE, "cases/\(caseID)/articles/\(article)", as: org.admin).status == .notFound)
            #expect(try await send(app, .GET, "kb-articles/\(article)", as: org.admin).json["case_count"] as? Int == 0)
        }
    }

    @Test func suggestions_rank_articles_by_shared_words_product_and_category_with_a_score() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let product = try await send(app, .POST, "products", as: org.admin, ["sku": "POS-1", "name_fa": "کارتخوان", "list_price": ["amount_minor": 1000]])
            let productID = try #require(product.json["id"] as? String)
            let byWords = try await create(app, as: org.admin, [
                "title": "دستگاه پس از تعویض آداپتور روشن نمی‌شود", "body": "چراغ خاموش است: فیوز را بررسی کنید", "status": "published",
            ])
            let byProduct = try await create(app, as: org.admin, ["title": "راهنمای کارتخوان", "body": "نصب کاغذ", "product_id": productID,
                                                                  "status": "published"])
            let byCategory = try await create(app, as: org.admin, ["title": "عیب‌یابی سخت‌افزار", "body": "گام‌ها", "category": "سخت افزار",
                                                                   "status": "published"])
            _ = try await create(app, as: org.admin, ["title": "آداپتور دستگاه روشن خاموش", "body": "پیش‌نویس"])  // a draft is never offered
            _ = try await create(app, as: org.admin, ["title": "ثبت سفارش", "body": "دستگاه جدید", "status": "published"])  // one chance word
            let opened = try await send(app, .POST, "cases", as: org.admin, [
                "title": "کارتخوان روشن نمي‌شود", "description": "چراغ دستگاه پس از تعويض آداپتور خاموش است",
                "product_id": productID, "category": "سخت‌افزار",
            ])
            let caseID = try #require(opened.json["id"] as? String)

            let suggested = try await send(app, .GET, "cases/\(caseID)/suggested-articles", as: org.admin)
            let rows = try #require(suggested.json["data"] as? [[String: Any]])
            #expect(rows.map { $0["id"] as? String } == [byWords, byProduct, byCategory])
            let scores = rows.compactMap { $0["score"] as? Double }
            #expect(scores == scores.sorted(by: >) && scores.allSatisfy { (0...1).contains($0) })
            #expect(rows[1]["same_product"] as? Bool == true)
            #expect(rows[2]["same_category"] as? Bool == true)
            #expect((rows[0]["shared_words"] as? Int ?? 0) >= 5)

            // Once used on the case, an article is no longer suggested for it.
            _ = try await send(app, .POST, "cases/\(caseID)/articles", as: org.admin, ["article_id": byWords])
            let after = try await send(app, .GET, "cases/\(caseID)/suggested-articles", as: org.admin)
            #expect((after.json["data"] as? [[String: Any]])?.map { $0["id"] as? String } == [byProduct, byCategory])

            let similar = try await send(app, .GET, "cases/\(caseID)/similar", as: org.admin)
            #expect(similar.status == .ok)
        }
    }
}
