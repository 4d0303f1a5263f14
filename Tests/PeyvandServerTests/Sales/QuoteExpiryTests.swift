import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Quote expiry")
struct QuoteExpiryTests {
    struct Setup {
        let org: TestOrganisation
        let accountID: String
        let productID: String
    }

    func setUp(_ app: Application, name: String = "Org") async throws -> Setup {
        let org = try await TestOrganisation.make(app, name: name)
        let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(["name": "Pars"]))
        let product = try await app.testing().sendRequest(.POST, "api/v1/products", headers: org.admin.bearer.json, body: jsonBody([
            "sku": "ERP-1", "name_fa": "نرم‌افزار", "list_price": ["amount_minor": 1_000_000, "currency": "IRR"],
        ]))
        return Setup(org: org, accountID: try #require(account.json["id"] as? String), productID: try #require(product.json["id"] as? String))
    }

    /// A quote valid until `validUntil`, moved through `actions` (`send`, `accept`).
    func quote(_ app: Application, _ setup: Setup, validUntil: String?, actions: [String] = []) async throws -> UUID {
        var body: [String: Any] = ["account_id": setup.accountID, "lines": [["product_id": setup.productID, "quantity": 1]]]
        if let validUntil { body["valid_until"] = validUntil }
        let created = try await app.testing().sendRequest(.POST, "api/v1/quotes", headers: setup.org.admin.bearer.json, body: jsonBody(body))
        #expect(created.status == .created)
        let id = try #require(created.json["id"] as? String)
        for action in actions {
            let moved = try await app.testing().sendRequest(.POST, "api/v1/quotes/\(id)/\(action)", headers: setup.org.admin.bearer)
            #expect(moved.status == .ok)
        }
        return try #require(UUID(uuidString: id))
    }

    func status(_ id: UUID, _ app: Application) async throws -> String? {
        try await Quote.find(id, on: app.db)?.status
    }

    /// 23:30 on 2 Azar 1405 (23 November 2026) in Tehran, and a minute past the following midnight.
    static let lastEveningInTehran = Date(timeIntervalSince1970: 1_795_464_000)
    static let justAfterMidnightInTehran = Date(timeIntervalSince1970: 1_795_465_860)

    @Test func drafts_and_sent_quotes_expire_once_their_last_valid_day_is_over_in_the_organisations_time_zone() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let draft = try await quote(app, setup, validUntil: "1405/09/02")
            let sent = try await quote(app, setup, validUntil: "2026-11-23", actions: ["send"])
            let stillValid = try await quote(app, setup, validUntil: "2026-11-24")
            let accepted = try await quote(app, setup, validUntil: "2026-11-20", actions: ["send", "accept"])
            let openEnded = try await quote(app, setup, validUntil: nil)

            #expect(try await QuoteExpiry.sweep(at: Self.lastEveningInTehran, store: app.store) == 0)
            #expect(try await status(draft, app) == "draft")

            #expect(try await QuoteExpiry.sweep(at: Self.justAfterMidnightInTehran, store: app.store) == 2)
            #expect(try await status(draft, app) == "expired")
            #expect(try await status(sent, app) == "expired")
            #expect(try await status(stillValid, app) == "draft")
            #expect(try await status(accepted, app) == "accepted")
            #expect(try await status(openEnded, app) == "draft")
            let expired = try #require(try await Quote.find(sent, on: app.db))
            #expect(expired.version == 3)
            #expect(expired.decidedAt == Self.justAfterMidnightInTehran)

            #expect(try await QuoteExpiry.sweep(at: Self.justAfterMidnightInTehran.addingTimeInterval(3600), store: app.store) == 0)
        }
    }

    @Test func an_expiry_is_audited_and_announced_like_a_manual_one_but_without_an_actor() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let sent = try await quote(app, setup, validUntil: "2026-11-23", actions: ["send"])
            try await QuoteExpiry.sweep(at: Self.justAfterMidnightInTehran, store: app.store)

            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$recordID == sent).sort(\.$occurredAt, .descending)
                .sort(\.$id, .descending).first())
            #expect(entry.action == "update")
            #expect(entry.actorUserID == nil)
            #expect(entry.occurredAt == Self.justAfterMidnightInTehran)
            let changes = try JSONDecoder().decode([String: FieldChange].self, from: Data(entry.changesJSON.utf8))
            #expect(changes["status"]?.before == .string("sent"))
            #expect(changes["status"]?.after == .string("expired"))
            let events = try await OutboxEvent.query(on: app.db).filter(\.$recordID == sent).filter(\.$eventType == "quote.updated").count()
            #expect(events == 2)  // sent, then expired

            let log = try await app.testing().sendRequest(.GET, "api/v1/audit-log?record_type=quote&record_id=\(sent)", headers: setup.org.admin.bearer)
            #expect((log.json["data"] as? [[String: Any]])?.first?["action"] as? String == "update")

            // The account's timeline and the quote's page show a change nobody made.
            let timeline = try await app.testing().sendRequest(.GET, "api/v1/accounts/\(setup.accountID)/timeline", headers: setup.org.admin.bearer)
            #expect(timeline.status == .ok)
            let web = try await WebClient.signIn(app, email: setup.org.admin.user.email)
            let page = try await web.get("/quotes/\(sent)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("منقضی"))
        }
    }

    @Test func each_organisation_ends_the_day_in_its_own_time_zone() async throws {
        try await withApp { app in
            let tehran = try await setUp(app, name: "Tehran")
            let london = try await setUp(app, name: "London")
            try await Organisation.query(on: app.db).filter(\.$id == london.org.id).set(\.$timeZone, to: "Europe/London").update()
            let inTehran = try await quote(app, tehran, validUntil: "2026-11-23")
            let inLondon = try await quote(app, london, validUntil: "2026-11-23")

            // 20:31 in London is still the 23rd there.
            #expect(try await QuoteExpiry.sweep(at: Self.justAfterMidnightInTehran, store: app.store) == 1)
            #expect(try await status(inTehran, app) == "expired")
            #expect(try await status(inLondon, app) == "draft")
        }
    }

    @Test func the_hourly_sweep_is_queued_once_per_hour_however_many_workers_offer_it_and_expires_lapsed_quotes() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let setup = try await setUp(app)
            // The test clock starts on 18 November 2026.
            let lapsed = try await quote(app, setup, validUntil: "2026-11-17", actions: ["send"])
            let workers = ["a", "b"].map {
                JobWorker(id: $0, store: app.store, handlers: [QuoteExpiryJob.kind: QuoteExpiryJob()],
                          periodicJobs: [QuoteExpiryJob.schedule], logger: app.logger)
            }
            var offeredByA: [String: Int64] = [:], offeredByB: [String: Int64] = [:]
            try await workers[0].offerPeriodicJobs(offered: &offeredByA)
            try await workers[1].offerPeriodicJobs(offered: &offeredByB)
            try await workers[0].offerPeriodicJobs(offered: &offeredByA)
            #expect(try await Job.query(on: app.db).filter(\.$kind == QuoteExpiryJob.kind).count() == 1)

            #expect(try await workers[1].runOnce() == 1)
            #expect(try await workers[0].runOnce() == 0)
            #expect(try await status(lapsed, app) == "expired")

            clock.advance(by: 3600)
            try await workers[1].offerPeriodicJobs(offered: &offeredByB)
            try await workers[0].offerPeriodicJobs(offered: &offeredByA)
            #expect(try await Job.query(on: app.db).filter(\.$kind == QuoteExpiryJob.kind).count() == 2)
            #expect(try await JobQueue.depth(store: app.store)[.queued] == 1)
        }
    }
}
