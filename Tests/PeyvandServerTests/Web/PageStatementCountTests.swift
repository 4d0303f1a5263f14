import Foundation
import Logging
import NIOConcurrencyHelpers
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The SQL statements a page runs do not grow with the rows it shows (no N+1: account names,
/// owners and tags of 50 rows come in one query each), and stay within a small budget per page.
/// The drivers log every statement on the request's logger; a test middleware counts them.
@Suite("Statements per page")
struct PageStatementCountTests {
    @Test func list_record_board_and_home_pages_run_a_fixed_number_of_statements_whatever_the_rows() async throws {
        try await withApp { app in
            // setup: a demo organisation's worth of records (contacts with accounts, owners, tags,
            // opportunities over the pipeline, activities), and one record made through the pages
            // so the home page has recent records to name
            let org = try await TestOrganisation.make(app)
            _ = try await org.addMember(role: .salesRep)
            let report = try await DemoDataLoader(store: app.store).load(
                .init(contacts: 300, seed: 11, asOf: Date(timeIntervalSince1970: 1_795_000_000), rowsPerStatement: 50, rowsPerTransaction: 500),
                by: try await org.adminContext())
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            _ = try await web.post("/contacts/new", [("first_name", "سارا"), ("last_name", "کریمی"), ("account_id", report.busiestAccountID.uuidString)])
            app.middleware.use(StatementCounter())

            // act
            func statements(_ path: String) async throws -> Int {
                let response = try await web.get(path)
                #expect(response.status == .ok, "\(path)")
                return try #require(response.headers.first(name: StatementCounter.header).flatMap(Int.init), "\(path)")
            }
            let contacts2 = try await statements("/contacts?limit=2"), contacts50 = try await statements("/contacts?limit=50")
            let contacts200 = try await statements("/contacts?limit=200")
            let sorted2 = try await statements("/contacts?province=tehran&sort=last_name&limit=2")
            let sorted50 = try await statements("/contacts?province=tehran&sort=last_name&limit=50")
            let search2 = try await statements("/contacts?q=%D8%B9%D9%84%DB%8C&limit=2")
            let search50 = try await statements("/contacts?q=%D8%B9%D9%84%DB%8C&limit=50")
            let accounts2 = try await statements("/accounts?limit=2"), accounts30 = try await statements("/accounts?limit=30")
            let opportunities2 = try await statements("/opportunities?limit=2"), opportunities30 = try await statements("/opportunities?limit=30")
            let leads2 = try await statements("/leads?limit=2"), leads60 = try await statements("/leads?limit=60")
            let record = try await statements("/contacts/\(report.sampleContactIDs[0])")
            let busyAccount = try await statements("/accounts/\(report.busiestAccountID)")
            let board = try await statements("/opportunities/board")
            let home = try await statements("/")

            // verify: as many statements for 200 rows as for 2
            #expect(contacts2 == contacts50 && contacts50 == contacts200, "contacts: \(contacts2) / \(contacts50) / \(contacts200)")
            #expect(sorted2 == sorted50, "sorted contacts: \(sorted2) / \(sorted50)")
            #expect(search2 == search50, "searched contacts: \(search2) / \(search50)")
            #expect(accounts2 == accounts30, "accounts: \(accounts2) / \(accounts30)")
            #expect(opportunities2 == opportunities30, "opportunities: \(opportunities2) / \(opportunities30)")
            #expect(leads2 == leads60, "leads: \(leads2) / \(leads60)")
            // and a budget per page: the counts of today (session, role and teams: 4; then the page's
            // own). A new per-row lookup shows here first; raise a budget only for a statement
            // that does not repeat per row.
            #expect(contacts50 <= 8, "contacts list: \(contacts50)")
            #expect(accounts30 <= 7, "accounts list: \(accounts30)")
            #expect(opportunities30 <= 11, "opportunities list: \(opportunities30)")
            #expect(leads60 <= 7, "leads list: \(leads60)")
            // The timeline's one lookup of the record's service cases (not per row) is in these two.
            #expect(record <= 14, "contact page: \(record)")
            #expect(busyAccount <= 21, "account page: \(busyAccount)")
            #expect(board <= 15, "board: \(board)")
            #expect(home <= 14, "home: \(home)")
            print("statements per page: contacts \(contacts50), sorted \(sorted50), search \(search50), accounts \(accounts30), "
                + "opportunities \(opportunities30), leads \(leads60), contact \(record), account \(busyAccount), board \(board), home \(home)")
        }
    }
}

extension PageStatementCountTests {
    @Test func the_cases_list_and_a_case_page_run_a_fixed_number_of_statements_whatever_the_rows() async throws {
        try await withApp { app in
            // setup: 40 cases of several accounts, contacts, owners and queues under an SLA policy, one with comments and a contract
            let org = try await TestOrganisation.make(app)
            let agent = try await org.addMember(role: .supportAgent)
            func post(_ path: String, _ body: [String: Any]) async throws -> String {
                let response = try await app.testing().sendRequest(.POST, "api/v1/\(path)", headers: org.admin.bearer.json, body: jsonBody(body))
                #expect(response.status == .created, "\(path): \(response.body.string)")
                return try #require(response.json["id"] as? String)
            }
            _ = try await post("queues", ["name": "Hardware", "member_ids": [agent.id.uuidString], "assignment_mode": "round_robin",
                                          "rules": [["type": "incident"]]])
            _ = try await post("sla-policies", ["name": "Standard", "is_default": true, "targets": [
                ["priority": "normal", "first_response_minutes": 60, "resolution_minutes": 480],
            ]])
            var ids: [String] = []
            for index in 0..<40 {
                let account = try await post("accounts", ["name": "Customer \(index)"])
                if index == 0 {
                    _ = try await post("contracts", ["name": "Support", "account_id": account, "starts_on": "2026-01-01", "ends_on": "2026-12-31",
                                                     "entitlement_unit": "cases", "entitlement_total": 10])
                }
                let contact = try await post("contacts", ["last_name": "Person \(index)", "account_id": account])
                ids.append(try await post("cases", ["title": "Case \(index)", "type": index.isMultiple(of: 2) ? "incident" : "question",
                                                    "account_id": account, "contact_id": contact]))
            }
            _ = try await post("cases/\(ids[0])/comments", ["body": "Called the customer", "visibility": "public"])
            _ = try await post("cases/\(ids[0])/comments", ["body": "Needs a new part", "visibility": "internal"])
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            app.middleware.use(StatementCounter())

            // act
            func statements(_ path: String) async throws -> Int {
                let response = try await web.get(path)
                #expect(response.status == .ok, "\(path)")
                return try #require(response.headers.first(name: StatementCounter.header).flatMap(Int.init), "\(path)")
            }
            let list2 = try await statements("/cases?limit=2"), list40 = try await statements("/cases?limit=40")
            let page = try await statements("/cases/\(ids[0])")

            // verify
            #expect(list2 == list40, "cases: \(list2) / \(list40)")
            #expect(list40 <= 9, "cases list: \(list40)")
            // 12 for the case, its names, comments and links; 6 for its service level: policy,
            // calendar (organisation, week, holidays), contract and its usage; 3 for its mail (sent, attachments,
            // the satisfaction answer); up to 4 for similar cases (by product or category, by words, then the
            // cases themselves: this case has no product or category, so 2 here); up to 5 for the knowledge
            // base (the case's read check, its linked articles and, when there are links, the articles; the
            // suggested articles by product or category, by words and the articles themselves: 3 here); 3 for
            // the customer's history (other cases, latest activities, the account's orders).
            #expect(page <= 29, "case page: \(page)")
            print("statements per page: cases \(list40), case \(page)")
        }
    }
}

/// Counts the SQL statements a request runs and answers with the count in a header. The drivers
/// log each statement ("Executing query") at trace level on the logger of the request's database
/// handle, which is the request's logger; this middleware swaps in a counting one.
struct StatementCounter: AsyncMiddleware {
    static let header = "X-Test-SQL-Statements"

    final class Count: Sendable {
        private let value = NIOLockedValueBox(0)
        func add() { value.withLockedValue { $0 += 1 } }
        var total: Int { value.withLockedValue { $0 } }
    }

    struct Handler: LogHandler {
        let count: Count
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if event.message.description == "Executing query" { count.add() }
        }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let count = Count()
        request.logger = Logger(label: "statement-counter") { _ in Handler(count: count) }
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: Self.header, value: String(count.total))
        return response
    }
}
