import FluentKit
import Foundation
import Logging
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

private func moment(_ text: Any?) -> Date? {
    (text as? String).flatMap { ISO8601DateFormatter().date(from: $0) }
}

/// The test clock starts on Wednesday 18 November 2026, 14:36:40 in Tehran; the default working
/// week is Saturday–Wednesday 8:00–17:00 and Thursday 8:00–13:00.
private let openedAt = Date(timeIntervalSince1970: 1_795_000_000)
private var normalTargets: [[String: Any]] { [
    ["priority": "normal", "first_response_minutes": 60, "resolution_minutes": 480],
    ["priority": "urgent", "first_response_minutes": 15, "resolution_minutes": 120],
] }

@Suite("Service levels: SLA policies, contracts and entitlements, clocks on cases, warnings and escalation")
struct ServiceLevelsAPITests {
    @Test func an_administrator_defines_policies_and_only_one_is_the_default() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let standard = try await send(app, .POST, "sla-policies", as: org.admin,
                                          ["name": "استاندارد", "is_default": true, "targets": normalTargets, "warning_minutes": 30])
            #expect(standard.status == .created)
            #expect((standard.json["targets"] as? [[String: Any]])?.map { $0["priority"] as? String } == ["normal", "urgent"])
            let gold = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "طلایی", "is_default": true, "targets": normalTargets])
            #expect(gold.status == .created)
            let list = try await send(app, .GET, "sla-policies", as: org.admin)
            let rows = try #require(list.json["data"] as? [[String: Any]])
            #expect(rows.map { $0["name"] as? String } == ["طلایی", "استاندارد"])
            #expect(rows.map { $0["is_default"] as? Bool } == [true, false])

            let taken = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "طلايي", "targets": normalTargets])
            #expect(taken.status == .conflict)
        }
    }

    @Test func a_bad_policy_names_every_bad_field_and_agents_may_read_but_not_change_policies() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let bad = try await send(app, .POST, "sla-policies", as: org.admin, [
                "name": "", "warning_minutes": -1, "escalation_queue_id": UUID().uuidString,
                "targets": [["priority": "soon", "first_response_minutes": 0, "resolution_minutes": 60],
                            ["priority": "high", "first_response_minutes": 120, "resolution_minutes": 60],
                            ["priority": "high", "resolution_minutes": 60]],
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["escalation_queue_id", "name", "targets.0.first_response_minutes", "targets.0.priority",
                                         "targets.1.first_response_minutes", "targets.2.first_response_minutes", "targets.2.priority",
                                         "warning_minutes"])
            #expect(try await SLAPolicy.query(on: app.db).count() == 0)

            let policy = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "Standard", "targets": normalTargets])
            let agent = try await org.addMember(role: .supportAgent)
            #expect(try await send(app, .GET, "sla-policies/\(policy.json["id"]!)", as: agent).status == .ok)
            #expect(try await send(app, .PATCH, "sla-policies/\(policy.json["id"]!)", as: agent, ["warning_minutes": 5]).status == .forbidden)
            let other = try await TestOrganisation.make(app, name: "Else")
            #expect(try await send(app, .GET, "sla-policies/\(policy.json["id"]!)", as: other.admin).status == .notFound)
        }
    }

    @Test func a_case_gets_the_default_level_with_due_times_in_working_hours() async throws {
        try await withApp(clock: TestClock()) { app in
            let org = try await TestOrganisation.make(app)
            _ = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "Standard", "is_default": true, "targets": normalTargets,
                                                                          "warning_minutes": 15])
            let created = try await send(app, .POST, "cases", as: org.admin, ["title": "Printer jams"])
            // One working hour later: Wednesday 15:36:40 in Tehran.
            #expect(moment(created.json["sla_first_response_due_at"]) == openedAt.addingTimeInterval(3600))
            // Eight working hours: 2h23m20s on Wednesday, 5h on Thursday, 36m40s on Saturday.
            #expect(moment(created.json["sla_resolution_due_at"]) == Date(timeIntervalSince1970: 1_795_000_000 + 3 * 86_400 - 6 * 3600))
            let sla = try #require(created.json["sla"] as? [String: Any])
            let firstResponse = try #require(sla["first_response"] as? [String: Any])
            #expect(firstResponse["state"] as? String == "running")
            #expect(firstResponse["target_minutes"] as? Int == 60)
            #expect(firstResponse["remaining_minutes"] as? Int == 60)

            let low = try await send(app, .POST, "cases", as: org.admin, ["title": "No target for low", "priority": "low"])
            #expect(low.json["sla_first_response_due_at"] == nil)
            #expect((low.json["sla"] as? [String: Any])?["first_response"] == nil)
        }
    }

    @Test func the_list_finds_the_cases_past_a_due_time_that_still_count() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            _ = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "Standard", "is_default": true, "targets": normalTargets])
            let late = try await send(app, .POST, "cases", as: org.admin, ["title": "Nobody answered"])
            let answered = try await send(app, .POST, "cases", as: org.admin, ["title": "Answered in time"])
            let waiting = try await send(app, .POST, "cases", as: org.admin, ["title": "Waiting on the customer"])
            _ = try await send(app, .PATCH, "cases/\(answered.json["id"]!)", as: org.admin, ["status": "in_progress"])
            _ = try await send(app, .PATCH, "cases/\(waiting.json["id"]!)", as: org.admin, ["status": "waiting_on_customer"])
            clock.advance(by: 2 * 3600)

            let overdue = try await send(app, .GET, "cases?sla=overdue", as: org.admin)
            #expect((overdue.json["data"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Nobody answered"])
            #expect(late.status == .created)
            let bad = try await send(app, .GET, "cases?sla=soon&status=lost", as: org.admin)
            #expect(bad.problemFields == ["sla", "status"])
        }
    }

    @Test func waiting_on_the_customer_stops_the_clock_and_the_wait_moves_the_due_time() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            _ = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "Standard", "is_default": true, "targets": normalTargets])
            let created = try await send(app, .POST, "cases", as: org.admin, ["title": "Invoice question"])
            let id = try #require(created.json["id"] as? String)
            let resolutionDue = try #require(moment(created.json["sla_resolution_due_at"]))

            clock.advance(by: 600)
            let waiting = try await send(app, .PATCH, "cases/\(id)", as: org.admin, ["status": "waiting_on_customer"])
            #expect(waiting.json["sla_resolution_due_at"] == nil)
            let paused = try #require((waiting.json["sla"] as? [String: Any])?["resolution"] as? [String: Any])
            #expect(paused["state"] as? String == "paused")
            #expect(paused["used_minutes"] as? Int == 10)
            #expect((waiting.json["sla"] as? [String: Any])?["first_response"].flatMap { ($0 as? [String: Any])?["state"] as? String } == "met")

            clock.advance(by: 1800)
            let resumed = try await send(app, .PATCH, "cases/\(id)", as: org.admin, ["status": "in_progress"])
            #expect(moment(resumed.json["sla_resolution_due_at"]) == resolutionDue.addingTimeInterval(1800))
            let running = try #require((resumed.json["sla"] as? [String: Any])?["resolution"] as? [String: Any])
            #expect(running["used_minutes"] as? Int == 10)

            let urgent = try await send(app, .PATCH, "cases/\(id)", as: org.admin, ["priority": "urgent"])
            let retargeted = try #require((urgent.json["sla"] as? [String: Any])?["resolution"] as? [String: Any])
            #expect(retargeted["target_minutes"] as? Int == 120)
            // Two working hours and the half-hour wait end after 17:00: Thursday 8:06:40 in Tehran.
            #expect(moment(urgent.json["sla_resolution_due_at"]) == openedAt.addingTimeInterval(86_400 - 6.5 * 3600))
        }
    }

    @Test func a_resolution_met_in_time_and_a_reopen_that_resumes_the_clock() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            _ = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "Standard", "is_default": true, "targets": normalTargets])
            let created = try await send(app, .POST, "cases", as: org.admin, ["title": "Password reset"])
            let id = try #require(created.json["id"] as? String)
            clock.advance(by: 1200)
            let resolved = try await send(app, .POST, "cases/\(id)/resolve", as: org.admin, ["resolution": "Reset sent"])
            let met = try #require((resolved.json["sla"] as? [String: Any])?["resolution"] as? [String: Any])
            #expect(met["state"] as? String == "met")
            #expect(met["used_minutes"] as? Int == 20)

            clock.advance(by: 1800)
            let reopened = try await send(app, .POST, "cases/\(id)/reopen", as: org.admin)
            let again = try #require((reopened.json["sla"] as? [String: Any])?["resolution"] as? [String: Any])
            #expect(again["state"] as? String == "running")
            #expect(again["used_minutes"] as? Int == 20)
        }
    }

    @Test func a_case_comes_under_its_accounts_contract_which_flags_an_exhausted_entitlement() async throws {
        try await withApp(clock: TestClock()) { app in
            let org = try await TestOrganisation.make(app)
            _ = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "Standard", "is_default": true, "targets": normalTargets])
            let gold = try await send(app, .POST, "sla-policies", as: org.admin, ["name": "Gold", "targets": [
                ["priority": "normal", "first_response_minutes": 30, "resolution_minutes": 240],
            ]])
            let account = try await send(app, .POST, "accounts", as: org.admin, ["name": "Pars Co"])
            let accountID = try #require(account.json["id"] as? String)
            let contract = try await send(app, .POST, "contracts", as: org.admin, [
                "name": "پشتیبانی طلایی ۱۴۰۵", "account_id": accountID, "starts_on": "1405/01/01", "ends_on": "1405/12/29",
                "sla_policy_id": gold.json["id"]!, "entitlement_unit": "cases", "entitlement_total": 2,
            ])
            #expect(contract.status == .created)
            #expect(contract.json["starts_on"] as? String == "2026-03-21")
            #expect(contract.json["standing"] as? String == "active")
            let contractID = try #require(contract.json["id"] as? String)

            var numbers: [String] = []
            for title in ["One", "Two", "Three"] {
                let created = try await send(app, .POST, "cases", as: org.admin, ["title": title, "account_id": accountID])
                #expect(created.json["contract_id"] as? String == contractID)
                #expect(created.json["sla_policy_id"] as? String == gold.json["id"] as? String)
                numbers.append(created.json["contract_standing"] as? String ?? "")
            }
            #expect(numbers == ["active", "active", "exhausted"])
            let read = try await send(app, .GET, "contracts/\(contractID)", as: org.admin)
            #expect(read.json["entitlement_used"] as? Double == 3)
            #expect(read.json["entitlement_remaining"] as? Double == -1)
            #expect(read.json["standing"] as? String == "exhausted")

            let unrelated = try await send(app, .POST, "cases", as: org.admin, ["title": "Walk-in"])
            #expect(unrelated.json["contract_id"] == nil)
            #expect(unrelated.json["sla_policy_id"] as? String != gold.json["id"] as? String)
            let wrongAccount = try await send(app, .POST, "cases", as: org.admin, ["title": "Mismatch", "contract_id": contractID])
            #expect(wrongAccount.problemFields == ["contract_id"])

            let listed = try await send(app, .GET, "cases?contract_id=\(contractID)", as: org.admin)
            #expect((listed.json["data"] as? [Any])?.count == 3)
        }
    }

    @Test func an_expired_contract_is_flagged_and_hours_are_counted_from_the_cases() async throws {
        try await withApp(clock: TestClock()) { app in
            let org = try await TestOrganisation.make(app)
            let account = try await send(app, .POST, "accounts", as: org.admin, ["name": "Sina"])
            let accountID = try #require(account.json["id"] as? String)
            let expired = try await send(app, .POST, "contracts", as: org.admin, [
                "name": "1404", "account_id": accountID, "starts_on": "2025-03-21", "ends_on": "2026-03-20",
            ])
            #expect(expired.json["standing"] as? String == "expired")
            let late = try await send(app, .POST, "cases", as: org.admin, ["title": "After the end", "account_id": accountID])
            #expect(late.json["contract_standing"] as? String == "expired")

            let hours = try await send(app, .POST, "contracts", as: org.admin, [
                "name": "Hours", "account_id": accountID, "starts_on": "2026-01-01", "ends_on": "2026-12-31",
                "entitlement_unit": "hours", "entitlement_total": 10,
            ])
            let hoursID = try #require(hours.json["id"] as? String)
            let worked = try await send(app, .POST, "cases", as: org.admin, ["title": "Install", "account_id": accountID])
            #expect(worked.json["contract_id"] as? String == hoursID)
            _ = try await send(app, .PATCH, "cases/\(worked.json["id"]!)", as: org.admin, ["time_spent_minutes": 90])
            let usage = try await send(app, .GET, "contracts?account_id=\(accountID)", as: org.admin)
            let rows = try #require(usage.json["data"] as? [[String: Any]])
            #expect(rows.map { $0["name"] as? String } == ["Hours", "1404"])
            #expect(rows.first?["entitlement_used"] as? Double == 1.5)

            let bad = try await send(app, .POST, "contracts", as: org.admin, [
                "name": "", "account_id": UUID().uuidString, "starts_on": "1405/13/01", "ends_on": "2026-01-01",
                "entitlement_unit": "minutes", "sla_policy_id": UUID().uuidString,
            ])
            #expect(bad.problemFields == ["account_id", "entitlement_unit", "name", "sla_policy_id", "starts_on"])
            let backwards = try await send(app, .POST, "contracts", as: org.admin, [
                "name": "Backwards", "account_id": accountID, "starts_on": "2026-05-01", "ends_on": "2026-04-01", "entitlement_unit": "cases",
            ])
            #expect(backwards.problemFields == ["ends_on", "entitlement_total"])
            let agent = try await org.addMember(role: .supportAgent)
            #expect(try await send(app, .POST, "contracts", as: agent, ["name": "x", "account_id": accountID, "starts_on": "2026-01-01",
                                                                         "ends_on": "2026-02-01"]).status == .forbidden)
            let other = try await TestOrganisation.make(app, name: "Else")
            #expect(try await send(app, .GET, "contracts/\(hoursID)", as: other.admin).status == .notFound)
            #expect(try await send(app, .POST, "cases", as: other.admin, ["title": "x", "contract_id": hoursID]).problemFields == ["contract_id"])
        }
    }

    @Test func the_sweep_warns_the_owner_once_then_escalates_a_breach_to_the_queue_and_the_manager() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let agent = try await org.addMember(role: .supportAgent)
            let lead = try await org.addMember(role: .supportAgent)
            let escalations = try await send(app, .POST, "queues", as: org.admin, ["name": "Escalations", "member_ids": [lead.id.uuidString]])
            _ = try await send(app, .POST, "sla-policies", as: org.admin, [
                "name": "Standard", "is_default": true, "targets": normalTargets, "warning_minutes": 15,
                "escalation_queue_id": escalations.json["id"]!, "escalation_user_id": org.admin.id.uuidString,
            ])
            let created = try await send(app, .POST, "cases", as: org.admin, ["title": "Server down", "owner_id": agent.id.uuidString])
            let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""))
            let logger = Logger(label: "test")

            clock.advance(by: 30 * 60)
            #expect(try await SLAEscalation.sweep(at: clock.now, store: app.store, logger: logger) == 0)
            clock.advance(by: 20 * 60)
            #expect(try await SLAEscalation.sweep(at: clock.now, store: app.store, logger: logger) == 1)
            #expect(try await SLAEscalation.sweep(at: clock.now, store: app.store, logger: logger) == 0)
            var mail = try await OutboundEmail.query(on: app.db).filter(\.$category == "sla").all()
            #expect(mail.map(\.recipients) == [agent.user.email.lowercased()])

            clock.advance(by: 15 * 60)
            #expect(try await SLAEscalation.sweep(at: clock.now, store: app.store, logger: logger) == 1)
            let escalated = try await send(app, .GET, "cases/\(id)", as: org.admin)
            #expect(escalated.json["queue_id"] as? String == escalations.json["id"] as? String)
            #expect(escalated.json["owner_id"] as? String == lead.id.uuidString)
            let firstResponse = (escalated.json["sla"] as? [String: Any])?["first_response"] as? [String: Any]
            #expect(firstResponse?["state"] as? String == "breached")
            mail = try await OutboundEmail.query(on: app.db).filter(\.$category == "sla").sort(\.$createdAt).all()
            #expect(Set(mail.dropFirst().map(\.recipients)) == [org.admin.user.email.lowercased(), lead.user.email.lowercased()])
            let events = try await OutboxEvent.query(on: app.db).filter(\.$recordID == id).all().map(\.eventType)
            #expect(events.contains("case.sla_at_risk") && events.contains("case.sla_breached"))

            // Once answered, the first-response clock no longer alerts; the resolution clock does.
            _ = try await send(app, .POST, "cases/\(id)/comments", as: lead, ["body": "Looking", "visibility": "public"])
            #expect(try await SLAEscalation.sweep(at: clock.now, store: app.store, logger: logger) == 0)
        }
    }
}
