import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Activities, reminders and the 360° timeline")
struct ActivitiesAPITests {
    @Test func an_activity_regards_a_record_and_bad_input_is_reported_field_by_field() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let headers = org.admin.bearer.json
            let contact = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: headers, body: jsonBody(["last_name": "Amini"]))
            let contactID = try #require(contact.json["id"] as? String)
            let call = try await app.testing().sendRequest(.POST, "api/v1/activities", headers: headers, body: jsonBody([
                "kind": "call", "subject": "تماس پیگیری", "direction": "outbound", "start_at": "2026-11-23T08:00:00Z",
                "end_at": "2026-11-23T08:15:00Z", "regarding": ["type": "contact", "id": contactID],
                "participants": [["type": "user", "id": org.admin.id.uuidString], ["type": "contact", "id": contactID]],
            ]))
            #expect(call.status == .created)
            #expect((call.json["regarding"] as? [String: Any])?["id"] as? String == contactID)
            #expect((call.json["participants"] as? [Any])?.count == 2)

            let bad = try await app.testing().sendRequest(.POST, "api/v1/activities", headers: headers, body: jsonBody([
                "kind": "fax", "subject": " ", "start_at": "2026-11-23T09:00:00Z", "end_at": "2026-11-23T08:00:00Z",
                "due_at": "tomorrow", "regarding": ["type": "contact", "id": UUID().uuidString],
                "participants": [["type": "robot", "id": UUID().uuidString]],
            ]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["due_at", "end_at", "kind", "participants.0.type", "regarding.id", "subject"])
            #expect(try await Activity.query(on: app.db).count() == 1)
        }
    }

    @Test func reminders_list_the_actors_open_activities_whose_time_has_come() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let headers = org.admin.bearer.json
            let soon = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(600))
            let later = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(7200))
            for (subject, remindAt) in [("Call Reza", soon), ("Send quote", later)] {
                let res = try await app.testing().sendRequest(.POST, "api/v1/activities", headers: headers,
                                                              body: jsonBody(["kind": "task", "subject": subject, "remind_at": remindAt]))
                #expect(res.status == .created)
            }
            let now = try await app.testing().sendRequest(.GET, "api/v1/me/reminders", headers: org.admin.bearer)
            #expect((now.json["data"] as? [Any])?.isEmpty == true)
            clock.advance(by: 900)
            let due = try await app.testing().sendRequest(.GET, "api/v1/me/reminders", headers: org.admin.bearer)
            #expect((due.json["data"] as? [[String: Any]])?.map { $0["subject"] as? String } == ["Call Reza"])
            let other = try await org.addMember(role: .salesRep)
            let theirs = try await app.testing().sendRequest(.GET, "api/v1/me/reminders", headers: other.bearer)
            #expect((theirs.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func an_accounts_timeline_merges_its_own_and_its_childrens_history_newest_first() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let headers = org.admin.bearer.json
            func post(_ path: String, _ body: [String: Any]) async throws -> String {
                clock.advance(by: 60)
                let res = try await app.testing().sendRequest(.POST, "api/v1/\(path)", headers: headers, body: jsonBody(body))
                #expect(res.status == .created || res.status == .ok, "\(path)")
                return res.json["id"] as? String ?? ""
            }
            let account = try await post("accounts", ["name": "Pars"])
            let contact = try await post("contacts", ["last_name": "Amini", "account_id": account])
            let deal = try await post("opportunities", ["name": "Deal", "account_id": account, "contact_id": contact])
            _ = try await post("activities", ["kind": "note", "subject": "Met at expo", "regarding": ["type": "contact", "id": contact]])
            let stranger = try await post("accounts", ["name": "Other"])
            _ = try await post("activities", ["kind": "note", "subject": "Unrelated", "regarding": ["type": "account", "id": stranger]])

            var kinds: [String] = []
            var cursor: String?
            repeat {
                let page = try await app.testing().sendRequest(.GET, "api/v1/accounts/\(account)/timeline?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""),
                                                               headers: org.admin.bearer)
                #expect(page.status == .ok)
                kinds += (page.json["data"] as? [[String: Any]] ?? []).map { "\($0["kind"]!):\($0["record_type"]!)" }
                cursor = page.json["next_cursor"] as? String
            } while cursor != nil
            // The opportunity's creation and its first stage share a moment; their order between them is free.
            #expect(kinds.count == 5)
            #expect(kinds.first == "activity:contact")
            #expect(Set(kinds.dropFirst().prefix(2)) == ["stage_change:opportunity", "change:opportunity"])
            #expect(Array(kinds.suffix(2)) == ["change:contact", "change:account"])

            let opportunityTimeline = try await app.testing().sendRequest(.GET, "api/v1/opportunities/\(deal)/timeline", headers: org.admin.bearer)
            #expect((opportunityTimeline.json["data"] as? [[String: Any]])?.count == 2)
            let other = try await TestOrganisation.make(app, name: "Else")
            #expect(try await app.testing().sendRequest(.GET, "api/v1/accounts/\(account)/timeline", headers: other.admin.bearer).status == .notFound)
        }
    }
}
