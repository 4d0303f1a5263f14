import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Knowledge-base screens and the articles on the case page")
struct KnowledgePagesTests {
    @Test func an_article_is_written_published_read_voted_on_and_revised_through_the_pages() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            #expect(try await web.get("/knowledge/new").status == .ok)

            // A bad form keeps what was typed and says what is wrong beside the field.
            let refused = try await web.post("/knowledge/new", [("title", "راه‌اندازی مجدد"), ("body", " "), ("keywords", "روتر، مودم"),
                                                                ("language", "fa"), ("status", "draft")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("field-body-error"))
            #expect(refused.body.string.contains("راه‌اندازی مجدد"))
            #expect(try await KnowledgeArticle.query(on: app.db).count() == 0)

            let created = try await web.post("/knowledge/new", [("title", "راه‌اندازی مجدد مودم"), ("body", "## گام‌ها\n- برق را قطع کنید\n- <b>ده</b> ثانیه صبر کنید"),
                                                                ("keywords", "روتر، مودم"), ("category", "شبکه"), ("language", "fa"), ("status", "draft")])
            let id = try WebClient.createdID(created)
            let path = "/knowledge/\(id.uuidString.lowercased())"
            var page = try await web.get(path).body.string
            #expect(page.contains("<h3>گام‌ها</h3>"))
            #expect(page.contains("&lt;b&gt;ده&lt;/b&gt;"))
            #expect(page.contains("انتشار"))
            #expect(!page.contains("این مقاله مفید بود؟"))

            #expect(try await web.post("\(path)/status", [("status", "published"), ("version", "1")]).status == .seeOther)
            page = try await web.get(path).body.string
            #expect(page.contains("این مقاله مفید بود؟"))
            #expect(try await web.post("\(path)/feedback", [("helpful", "true")]).status == .seeOther)
            let stored = try #require(try await KnowledgeArticle.find(id, on: app.db))
            #expect(stored.status == "published")
            #expect(stored.helpfulCount == 1)
            #expect(stored.viewCount == 1)  // the draft reading was not counted; the published one was
            #expect(stored.keywordList == ["روتر", "مودم"])

            #expect(try await web.post("\(path)/edit", [("title", "راه‌اندازی مجدد مودم"), ("body", "برق را ده ثانیه قطع کنید"),
                                                        ("keywords", "مودم"), ("category", "شبکه"), ("language", "fa"), ("version", "2")]).status == .seeOther)
            page = try await web.get(path).body.string
            #expect(page.contains("\(path)/revisions/1"))
            let first = try await web.get("\(path)/revisions/1").body.string
            #expect(first.contains("برق را قطع کنید"))

            let list = try await web.get("/knowledge?q=" + "مودم".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).body.string
            #expect(list.contains(path))
        }
    }

    @Test func the_case_page_suggests_articles_records_one_used_and_the_form_refreshes_its_suggestions() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let article = try WebClient.createdID(try await web.post("/knowledge/new", [
                ("title", "چاپگر کاغذ را نمی‌کشد"), ("body", "غلتک چاپگر را تمیز کنید"), ("keywords", "چاپگر"), ("language", "fa"), ("status", "published"),
            ]))
            let caseID = try WebClient.createdID(try await web.post("/cases/new", [
                ("title", "چاپگر کاغذ نمی‌کشد"), ("description", "غلتک صدا می‌دهد"), ("type", "incident"), ("channel", "phone"), ("priority", "normal"),
            ]))
            let casePath = "/cases/\(caseID.uuidString.lowercased())"
            var page = try await web.get(casePath).body.string
            #expect(page.contains("مقاله‌های پیشنهادی"))
            #expect(page.contains("/knowledge/\(article.uuidString.lowercased())"))

            #expect(try await web.post("\(casePath)/articles", [("article_id", article.uuidString)]).status == .seeOther)
            page = try await web.get(casePath).body.string
            #expect(page.contains("مقاله‌های به‌کاررفته"))
            #expect(!page.contains("مقاله‌های پیشنهادی"))
            #expect(try await KnowledgeArticle.find(article, on: app.db)?.caseCount == 1)

            // The form asks for suggestions as the agent types: a fragment for the text so far.
            let form = try await web.get("/cases/new").body.string
            #expect(form.contains(#"data-case-suggestions="/cases/suggestions""#))
            let query = "title=" + "چاپگر گیر کرده".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                + "&description=" + "غلتک کاغذ".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let fragment = try await web.get("/cases/suggestions?\(query)")
            #expect(fragment.headers.first(name: .cacheControl) == "no-store")
            #expect(fragment.body.string.contains(casePath))
            #expect(fragment.body.string.contains("/knowledge/\(article.uuidString.lowercased())"))
            let nothing = try await web.get("/cases/suggestions?title=" + "سلام".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(nothing.body.string.contains("مقاله یا درخواست مشابهی پیدا نشد"))
        }
    }
}
