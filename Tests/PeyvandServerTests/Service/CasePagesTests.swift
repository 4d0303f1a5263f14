import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Case and queue screens")
struct CasePagesTests {
    @Test func a_case_is_created_worked_commented_and_resolved_through_the_pages() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let form = try await web.get("/cases/new")
            #expect(form.status == .ok)
            #expect(form.body.string.contains(#"name="account_name""#))

            let refused = try await web.post("/cases/new", [("title", " "), ("type", "incident"), ("channel", "phone"), ("priority", "high")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("field-title-error"))
            #expect(try await SupportCase.query(on: app.db).count() == 0)

            let created = try await web.post("/cases/new", [("title", "دستگاه روشن نمی‌شود"), ("type", "incident"), ("channel", "phone"),
                                                            ("priority", "high"), ("queue_id", ""), ("owner_id", "")])
            let id = try WebClient.createdID(created)
            let page = try await web.get("/cases/\(id.uuidString.lowercased())").body.string
            #expect(page.contains("C-1405-000001"))
            #expect(page.contains("شروع رسیدگی"))
            #expect(!page.contains("بازگشایی"))

            let path = "/cases/\(id.uuidString.lowercased())"
            #expect(try await web.post("\(path)/status", [("status", "in_progress"), ("version", "1")]).status == .seeOther)
            #expect(try await web.post("\(path)/comments", [("body", "در حال بررسی"), ("visibility", "public")]).status == .seeOther)
            let noResolution = try await web.post("\(path)/resolve", [("resolution", ""), ("version", "2")])
            #expect(noResolution.status == .unprocessableEntity)
            #expect(try await web.post("\(path)/resolve", [("resolution", "آداپتور تعویض شد"), ("version", "2")]).status == .seeOther)
            let resolved = try await web.get(path).body.string
            #expect(resolved.contains("آداپتور تعویض شد"))
            #expect(resolved.contains("در حال بررسی"))
            #expect(resolved.contains("بازگشایی"))
            let stored = try #require(try await SupportCase.find(id, on: app.db))
            #expect(stored.status == "resolved")
            #expect(stored.firstResponseAt != nil)

            let list = try await web.get("/cases?status=resolved").body.string
            #expect(list.contains("C-1405-000001"))
            let search = try await web.get("/search?q=" + "دستگاه".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).body.string
            #expect(search.contains(path))
        }
    }

    @Test func a_case_page_shows_the_customers_other_cases_latest_activities_and_orders_as_far_as_the_agent_reads() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            func post(_ path: String, _ body: [String: Any], as member: TestOrganisation.Member? = nil) async throws -> [String: Any] {
                let response = try await app.testing().sendRequest(.POST, "api/v1/\(path)", headers: (member ?? org.admin).bearer.json, body: jsonBody(body))
                #expect(response.status == .created || response.status == .ok, "\(path): \(response.body.string)")
                return response.json
            }
            let account = try #require(try await post("accounts", ["name": "فروشگاه آریا"])["id"] as? String)
            let product = try #require(try await post("products", ["sku": "P-1", "name_fa": "کارتخوان", "list_price": ["amount_minor": 1000]])["id"] as? String)
            let quote = try #require(try await post("quotes", ["account_id": account, "lines": [["product_id": product, "quantity": 1]]])["id"] as? String)
            _ = try await post("quotes/\(quote)/send", [:])
            let order = try #require((try await post("quotes/\(quote)/accept", [:])["order"] as? [String: Any])?["number"] as? String)
            _ = try await post("activities", ["kind": "call", "subject": "پیگیری نصب", "regarding": ["type": "account", "id": account]])
            let earlier = try #require(try await post("cases", ["title": "درخواست آموزش", "account_id": account])["number"] as? String)
            let current = try #require(try await post("cases", ["title": "کارتخوان روشن نمی‌شود", "account_id": account])["id"] as? String)
            _ = try await post("cases", ["title": "مورد سازمان دیگر"])

            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let page = try await web.get("/cases/\(current)").body.string
            #expect(page.contains("سوابق مشتری"))
            #expect(page.contains(earlier))
            #expect(page.contains("پیگیری نصب"))
            #expect(page.contains(order))
            #expect(!page.contains("مورد سازمان دیگر"))
            #expect(page.contains("/accounts/\(account.lowercased())#timeline") || page.contains("/accounts/\(account)#timeline"))

            // An agent reads only their own cases and activities, and no orders: none of the admin's show.
            let agent = try await org.addMember(role: .supportAgent)
            let theirs = try #require(try await post("cases", ["title": "کارتخوان دوم", "account_id": account, "owner_id": agent.id.uuidString])["id"] as? String)
            let agentWeb = try await WebClient.signIn(app, email: agent.user.email)
            let agentPage = try await agentWeb.get("/cases/\(theirs)").body.string
            #expect(agentPage.contains("کارتخوان دوم"))
            #expect(!agentPage.contains(earlier) && !agentPage.contains("پیگیری نصب") && !agentPage.contains(order))
        }
    }

    @Test func an_accounts_page_offers_a_new_case_for_it_and_its_timeline_names_and_links_the_case() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "فولاد سپاهان")]))
            let accountPath = "/accounts/\(account.uuidString.lowercased())"
            #expect(try await web.get(accountPath).body.string.contains("/cases/new?account_id=\(account.uuidString)"))
            let form = try await web.get("/cases/new?account_id=\(account.uuidString)").body.string
            #expect(form.contains("فولاد سپاهان"))
            let created = try await web.post("/cases/new", [("title", "کوره خاموش شد"), ("type", "incident"), ("channel", "phone"),
                                                            ("priority", "urgent"), ("account_id", account.uuidString), ("account_name", "فولاد سپاهان")])
            let caseID = try WebClient.createdID(created)
            let timeline = try await web.get(accountPath).body.string
            #expect(timeline.contains("href=\"/cases/\(caseID.uuidString.lowercased())\""))
            #expect(timeline.contains("C-1405-000001 · کوره خاموش شد"))
            // A role without case rights is not offered the button.
            let rep = try await WebClient.signIn(app, email: try await org.addMember(role: .marketer).user.email)
            #expect(!(try await rep.get(accountPath).body.string.contains("/cases/new")))
        }
    }

    @Test func the_queue_admin_page_makes_a_queue_that_routes_new_cases_and_is_for_administrators_only() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let agent = try await org.addMember(role: .supportAgent)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            #expect(try await web.get("/admin").body.string.contains("/admin/queues"))
            #expect(try await web.get("/admin/queues").status == .ok)
            let saved = try await web.post("/admin/queues", [("name", "فنی"), ("position", "۰"), ("assignment_mode", "round_robin"),
                                                             ("member_ids", agent.id.uuidString), ("rules.0.type", "incident"),
                                                             ("rules.0.channel", ""), ("rules.1.type", "")])
            #expect(saved.status == .seeOther)
            let queue = try #require(try await ServiceQueue.query(on: app.db).first())
            #expect(queue.memberIDs == [agent.id])
            #expect(queue.rules == [QueueRule(type: "incident")])

            let created = try await web.post("/cases/new", [("title", "قطعی"), ("type", "incident"), ("channel", "phone"), ("priority", "high")])
            let routed = try #require(try await SupportCase.find(try WebClient.createdID(created), on: app.db))
            #expect(routed.queueID == queue.id)
            #expect(routed.ownerUserID == agent.id)

            let agentWeb = try await WebClient.signIn(app, email: agent.user.email)
            #expect(try await agentWeb.get("/admin/queues").status == .forbidden)
            #expect(try await agentWeb.get("/cases").status == .ok)
        }
    }
}
