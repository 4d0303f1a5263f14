import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The satisfaction survey: sent when a case is resolved, answered once on a public page through
/// the link's token, shown on the case.
@Suite("Customer satisfaction survey")
struct CaseSatisfactionTests {
    func resolvedCase(_ app: Application, _ org: TestOrganisation, optedOut: [String] = []) async throws -> String {
        let contact = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json, body: jsonBody([
            "first_name": "لیلا", "last_name": "نیک‌پور", "emails": [["address": "leila@alborz.example"]],
            "preferences": ["opted_out": optedOut],
        ]))
        let created = try await app.testing().sendRequest(.POST, "api/v1/cases", headers: org.admin.bearer.json,
                                                          body: jsonBody(["title": "Invoice charged twice", "contact_id": contact.json["id"]!]))
        let id = try #require(created.json["id"] as? String)
        let resolved = try await app.testing().sendRequest(.POST, "api/v1/cases/\(id)/resolve", headers: org.admin.bearer.json,
                                                           body: jsonBody(["resolution": "Refunded"]))
        #expect(resolved.status == .ok)
        return id
    }

    /// The survey link's token, read from the queued message.
    func token(_ app: Application) async throws -> String {
        let survey = try #require(try await OutboundEmail.query(on: app.db).filter(\.$category == "csat").first())
        let text = try #require(MailMessage.parse(Array(survey.message.utf8)).textBody)
        let range = try #require(text.range(of: #"/csat/csat_[A-Za-z0-9_-]+"#, options: .regularExpression))
        return String(text[range].dropFirst("/csat/".count))
    }

    @Test func a_resolved_case_sends_a_survey_answered_once_on_its_public_page() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let id = try await resolvedCase(app, org)
            let survey = try #require(try await OutboundEmail.query(on: app.db).filter(\.$category == "csat").first())
            #expect(survey.recipients == "leila@alborz.example")
            let token = try await token(app)
            #expect(try await CaseSurvey.query(on: app.db).first()?.tokenHash != token)

            let page = try await app.testing().sendRequest(.GET, "csat/\(token)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("name=\"score\""))
            let bad = try await app.testing().sendRequest(.POST, "csat/\(token)", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                          body: ByteBuffer(string: "score=9&comment=x"))
            #expect(bad.status == .unprocessableEntity)
            let good = try await app.testing().sendRequest(.POST, "csat/\(token)", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                           body: ByteBuffer(string: "score=%DB%B4&comment=%D8%B3%D9%BE%D8%A7%D8%B3"))
            #expect(good.status == .ok)
            #expect(good.body.string.contains("سپاس از نظر شما"))
            let again = try await app.testing().sendRequest(.POST, "csat/\(token)", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                            body: ByteBuffer(string: "score=1"))
            #expect(again.body.string.contains("پیش‌تر پاسخ داده شده"))

            let read = try await app.testing().sendRequest(.GET, "api/v1/cases/\(id)", headers: org.admin.bearer)
            let satisfaction = try #require(read.json["satisfaction"] as? [String: Any])
            #expect(satisfaction["score"] as? Int == 4)
            #expect(satisfaction["comment"] as? String == "سپاس")
            #expect(try await OutboxEvent.query(on: app.db).filter(\.$eventType == "case.satisfaction_received").count() == 1)

            #expect(try await app.testing().sendRequest(.GET, "csat/csat_forged-token").status == .notFound)
        }
    }

    @Test func a_survey_expires_and_a_contact_who_opted_out_of_email_gets_none() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            _ = try await resolvedCase(app, org)
            let token = try await token(app)
            clock.advance(by: 31 * 86_400)
            #expect(try await app.testing().sendRequest(.GET, "csat/\(token)").status == .gone)

            let other = try await TestOrganisation.make(app, name: "Else")
            _ = try await resolvedCase(app, other, optedOut: ["email"])
            #expect(try await OutboundEmail.query(on: app.db).filter(\.$category == "csat").count() == 1)
        }
    }
}
