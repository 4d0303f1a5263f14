import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The bulk demo-data generator (`peyvand demo load`): its rows must behave exactly like rows the
/// services write — listed, searched, matched for duplicates, filtered by tag — on both databases.
@Suite("Bulk demo data")
struct DemoDataLoaderTests {
    static let asOf = Date(timeIntervalSince1970: 1_795_000_000)

    /// Small statements and transactions, so a small load still crosses every batch boundary.
    func load(_ org: TestOrganisation, contacts: Int, seed: UInt64 = 7) async throws -> DemoDataLoader.Report {
        try await DemoDataLoader(store: org.app.store).load(
            .init(contacts: contacts, seed: seed, asOf: Self.asOf, rowsPerStatement: 37, rowsPerTransaction: 100),
            by: try await org.adminContext())
    }

    func count(_ app: Application, _ query: SQLQueryString) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw(query).first()!.decode(column: "n", as: Int.self)
    }

    func ids(_ res: TestingHTTPResponse) -> [String] {
        (res.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func generated_records_are_listed_searched_and_matched_like_typed_in_ones() async throws {
        try await withApp { app in
            // setup
            let org = try await TestOrganisation.make(app)
            let team = try await org.makeTeam("فروش تهران")
            _ = try await org.addMember(role: .salesRep, teamIDs: [team])
            _ = try await org.addMember(role: .salesManager)

            // act
            let report = try await load(org, contacts: 300)

            // verify: the sizes asked for, unique mobiles, no audit or outbox rows for generated data
            let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.table, $0.count) })
            #expect(rows["contacts"] == 300 && rows["accounts"] == 30 && rows["leads"] == 60)
            #expect(rows["opportunities"] == 30 && rows["activities"] == 150)
            #expect((rows["opportunity_stage_changes"] ?? 0) >= 30 && (rows["contact_points"] ?? 0) > 360 && (rows["record_tags"] ?? 0) > 0)
            #expect(try await count(app, "SELECT COUNT(*) AS n FROM contacts") == 300)
            let phones = try await count(app, "SELECT COUNT(*) AS n FROM contact_points WHERE kind = 'phone'")
            #expect(try await count(app, "SELECT COUNT(DISTINCT key) AS n FROM contact_points WHERE kind = 'phone'") == phones)
            let generated: SQLQueryString = "('account', 'contact', 'lead', 'opportunity', 'activity')"
            #expect(try await count(app, "SELECT COUNT(*) AS n FROM audit_log WHERE record_type IN \(generated)") == 0)
            #expect(try await count(app, "SELECT COUNT(*) AS n FROM outbox_events WHERE record_type IN \(generated)") == 0)
            #expect(try await count(app, "SELECT COUNT(DISTINCT stage_id) AS n FROM opportunities") >= 3)
            #expect(try await count(app, "SELECT COUNT(DISTINCT owner_user_id) AS n FROM contacts") >= 2)

            let context = try await org.adminContext()
            let contacts = ContactService(store: app.store)
            let sample = try await contacts.find(report.sampleContactIDs[3], in: context)

            // A contact is found by its name, and by its mobile in another spelling.
            for query in [sample.lastName, "+98 " + String(sample.phones[0].number.dropFirst(3))] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let res = try await app.testing().sendRequest(.GET, "api/v1/contacts?q=\(encoded)&limit=200", headers: org.admin.bearer)
                #expect(res.status == .ok)
                #expect(ids(res).contains(sample.id!.uuidString.lowercased()) || ids(res).contains(sample.id!.uuidString), "\(query)")
            }

            // Names written with Arabic letters are found by their Persian spelling.
            let arabic = try await (app.db as! any SQLDatabase).raw("""
                SELECT id FROM contacts WHERE last_name LIKE '%ي%' OR last_name LIKE '%ك%' ORDER BY id LIMIT 1
                """).first()?.decode(column: "id", as: UUID.self)
            #expect(arabic != nil)
            if let arabic {
                let contact = try await contacts.find(arabic, in: context)
                let persian = contact.lastName.replacingOccurrences(of: "ي", with: "ی").replacingOccurrences(of: "ك", with: "ک")
                let res = try await app.testing().sendRequest(
                    .GET, "api/v1/contacts?q=\(persian.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&limit=200",
                    headers: org.admin.bearer)
                #expect(ids(res).map { $0.lowercased() }.contains(arabic.uuidString.lowercased()))
            }

            // A new contact with a generated mobile is a duplicate.
            let twin = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json,
                                                           body: jsonBody(["last_name": "تکراری", "phones": [["number": sample.phones[0].number]]]))
            #expect(twin.status == .conflict)

            // Tag and province filters, sorting and paging work on generated rows.
            let tagged = try await app.testing().sendRequest(.GET, "api/v1/contacts?tag=vip&limit=200", headers: org.admin.bearer)
            let taggedItems = tagged.json["data"] as? [[String: Any]] ?? []
            #expect(!taggedItems.isEmpty)
            #expect(taggedItems.allSatisfy { ($0["tags"] as? [String] ?? []).contains("VIP") })
            let tehran = try await app.testing().sendRequest(.GET, "api/v1/contacts?province=tehran&sort=last_name&limit=20",
                                                             headers: org.admin.bearer)
            let tehranItems = tehran.json["data"] as? [[String: Any]] ?? []
            #expect(tehranItems.count == 20 && tehran.json["next_cursor"] is String)
            #expect(tehranItems.allSatisfy { (($0["address"] as? [String: Any])?["province"] as? String) == "tehran" })

            // The busiest account has a timeline.
            let timeline = try await app.testing().sendRequest(
                .GET, "api/v1/accounts/\(report.busiestAccountID)/timeline", headers: org.admin.bearer)
            #expect(timeline.status == .ok)
            #expect(!(timeline.json["data"] as? [[String: Any]] ?? []).isEmpty)
            #expect(report.busiestAccountContacts > 1)
        }
    }

    /// Saving a generated record through its service without changing anything recomputes its
    /// derived columns: they must come out the same, or the generator derives them differently.
    @Test func derived_columns_match_what_the_services_compute() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await load(org, contacts: 200)
            let context = try await org.adminContext()
            let store = app.store

            let contacts = try await ContactService(store: store).list(ListRequest(limit: 20), in: context).items
            for contact in contacts {
                let points = try await self.points(app, contact.id!)
                let tags = try await self.tags(app, contact.id!)
                let saved = try await ContactService(store: store).update(
                    contact.id!, ContactInput(provided: [], party: PartyInput(
                        phones: contact.phones.map { .init(number: $0.number, label: $0.label) },
                        emails: contact.emails.map { .init(address: $0.address, label: $0.label) }, tags: contact.tags)),
                    expectedVersion: nil, allowDuplicate: true, by: context)
                #expect(saved.nameKey == contact.nameKey && saved.searchText == contact.searchText)
                #expect(try await self.points(app, contact.id!) == points)
                #expect(try await self.tags(app, contact.id!) == tags)
            }
            for account in try await AccountService(store: store).list(ListRequest(limit: 10), in: context).items {
                let saved = try await AccountService(store: store).update(account.id!, AccountInput(provided: []), expectedVersion: nil,
                                                                          allowDuplicate: true, by: context)
                #expect(saved.nameKey == account.nameKey && saved.searchText == account.searchText)
            }
            let leads = try await LeadService(store: store).list(ListRequest(limit: 20), in: context).items
            for lead in leads where lead.status != Lead.Status.converted.rawValue {
                let saved = try await LeadService(store: store).update(lead.id!, LeadInput(provided: []), expectedVersion: nil,
                                                                       allowDuplicate: true, by: context)
                #expect(saved.nameKey == lead.nameKey && saved.searchText == lead.searchText)
            }
            for opportunity in try await OpportunityService(store: store).list(ListRequest(limit: 10), in: context).items {
                let saved = try await OpportunityService(store: store).update(opportunity.id!, OpportunityInput(provided: []),
                                                                              expectedVersion: nil, by: context)
                #expect(saved.searchText == opportunity.searchText)
            }
            for activity in try await ActivityService(store: store).list(ListRequest(limit: 20), in: context).items {
                let saved = try await ActivityService(store: store).update(activity.id!, ActivityInput(provided: []), expectedVersion: nil,
                                                                           by: context)
                #expect(saved.searchText == activity.searchText)
                #expect(abs(saved.timelineAt.timeIntervalSince(activity.timelineAt)) < 0.001)
            }
            // 200 contacts: 40 cases and one article; the cases are found alike and the article suggested.
            let cases = try await CaseService(store: store).list(ListRequest(limit: 40), in: context).items
            #expect(cases.count == 40)
            for supportCase in cases.prefix(10) {
                let saved = try await CaseService(store: store).update(supportCase.id!, CaseInput(provided: []), expectedVersion: nil, by: context)
                #expect(saved.searchText == supportCase.searchText)
                #expect(try await !CaseSimilarity(store: store).similar(to: supportCase, in: context).isEmpty)
            }
            let articles = try await ArticleService(store: store).list(ListRequest(limit: 10), in: context).items
            #expect(articles.count == 1)
            for article in articles {
                let saved = try await ArticleService(store: store).update(article.id!, ArticleInput(provided: []), expectedVersion: nil, by: context)
                #expect(saved.searchText == article.searchText && saved.revision == 1)
            }
            // A case typed after the load is numbered after the generated ones.
            let typed = try await CaseService(store: store).create(CaseInput(provided: ["title"], title: "تازه"), by: context)
            #expect(try await SupportCase.query(on: app.db).filter(\.$number == typed.number).count() == 1)
        }
    }

    func points(_ app: Application, _ id: UUID) async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw("SELECT kind, key FROM contact_points WHERE record_id = \(bind: id)").all()
            .map { "\(try $0.decode(column: "kind", as: String.self)):\(try $0.decode(column: "key", as: String.self))" }.sorted()
    }

    func tags(_ app: Application, _ id: UUID) async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw("SELECT tag FROM record_tags WHERE record_id = \(bind: id)").all()
            .map { try $0.decode(column: "tag", as: String.self) }.sorted()
    }

    func contactRows(_ app: Application) async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw("SELECT id, first_name, last_name, search_text FROM contacts ORDER BY id").all().map {
            "\(try $0.decode(column: "id", as: UUID.self)) \(try $0.decode(column: "first_name", as: String?.self) ?? "") "
                + "\(try $0.decode(column: "last_name", as: String.self)) \(try $0.decode(column: "search_text", as: String.self))"
        }
    }

    @Test func the_same_seed_gives_the_same_rows_and_loading_again_adds_more() async throws {
        var first: [String] = []
        try await withApp { app in
            _ = try await load(try await TestOrganisation.make(app), contacts: 120)
            first = try await contactRows(app)
        }
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await load(org, contacts: 120)
            #expect(try await contactRows(app) == first)

            _ = try await load(org, contacts: 120)
            #expect(try await count(app, "SELECT COUNT(*) AS n FROM contacts") == 240)
            let phones = try await count(app, "SELECT COUNT(*) AS n FROM contact_points WHERE kind = 'phone'")
            #expect(try await count(app, "SELECT COUNT(DISTINCT key) AS n FROM contact_points WHERE kind = 'phone'") == phones)
            let emails = try await count(app, "SELECT COUNT(*) AS n FROM contact_points WHERE kind = 'email'")
            #expect(try await count(app, "SELECT COUNT(DISTINCT key) AS n FROM contact_points WHERE kind = 'email'") == emails)
        }
    }
}
