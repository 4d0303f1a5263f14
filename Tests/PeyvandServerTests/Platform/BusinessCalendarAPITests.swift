import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The working week and holidays service clocks count in: read by everyone, set by administrators.
@Suite("Business hours and holidays")
struct BusinessCalendarAPITests {
    @Test func an_organisation_works_the_iranian_week_until_an_administrator_sets_its_own() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let initial = try await app.testing().sendRequest(.GET, "api/v1/business-hours", headers: rep.bearer)
            #expect(initial.status == .ok)
            #expect(initial.json["hours_per_week"] as? Double == 50)
            #expect((initial.json["hours"] as? [[String: Any]])?.first?["day"] as? String == "saturday")

            let week: [[String: Any]] = [
                ["day": "sunday", "start": "۰۸:۰۰", "end": "12:00"], ["day": "sunday", "start": "13:00", "end": "17:00"],
                ["day": "saturday", "start": "08:00", "end": "16:00"],
            ]
            #expect(try await app.testing().sendRequest(.PUT, "api/v1/business-hours", headers: rep.bearer.json,
                                                        body: jsonBody(["hours": week])).status == .forbidden)
            let set = try await app.testing().sendRequest(.PUT, "api/v1/business-hours", headers: org.admin.bearer.json, body: jsonBody(["hours": week]))
            #expect(set.status == .ok)
            #expect(set.json["hours_per_week"] as? Double == 16)
            let days = (set.json["hours"] as? [[String: Any]] ?? []).map { "\($0["day"]!) \($0["start"]!)" }
            #expect(days == ["saturday 08:00", "sunday 08:00", "sunday 13:00"])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$recordType == "working_week").count() == 1)

            // Every unreadable span is named; then the week's own rules (overlap, no hours at all).
            let unreadable = try await app.testing().sendRequest(.PUT, "api/v1/business-hours", headers: org.admin.bearer.json, body: jsonBody([
                "hours": [["day": "someday", "start": "8", "end": "17:00"], ["day": "monday", "end": "25:00"]],
            ]))
            #expect(unreadable.status == .unprocessableEntity)
            let fields = Set((unreadable.json["errors"] as? [[String: Any]] ?? []).map { "\($0["field"]!):\($0["code"]!)" })
            #expect(fields == ["hours.0.day:unknown_value", "hours.0.start:invalid_format", "hours.1.start:required", "hours.1.end:invalid_format"])
            let overlapping = try await app.testing().sendRequest(.PUT, "api/v1/business-hours", headers: org.admin.bearer.json, body: jsonBody([
                "hours": [["day": "monday", "start": "08:00", "end": "12:00"], ["day": "monday", "start": "11:00", "end": "15:00"]],
            ]))
            #expect((overlapping.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "hours.1")
            let empty = try await app.testing().sendRequest(.PUT, "api/v1/business-hours", headers: org.admin.bearer.json, body: jsonBody(["hours": []]))
            #expect(empty.status == .unprocessableEntity)
            #expect(try await app.testing().sendRequest(.GET, "api/v1/business-hours", headers: rep.bearer).json["hours_per_week"] as? Double == 16)
        }
    }

    @Test func holidays_are_declared_on_jalali_days_once_and_only_within_the_organisation() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let other = try await TestOrganisation.make(app, name: "Other")
            let added = try await app.testing().sendRequest(.POST, "api/v1/holidays", headers: org.admin.bearer.json,
                                                            body: jsonBody(["day": "۱۴۰۶/۰۱/۰۱", "name": "نوروز"]))
            #expect(added.status == .created)
            #expect(added.json["day"] as? String == "2027-03-21")
            let twice = try await app.testing().sendRequest(.POST, "api/v1/holidays", headers: org.admin.bearer.json,
                                                            body: jsonBody(["day": "2027-03-21", "name": "Nowruz"]))
            #expect(twice.status == .unprocessableEntity)
            #expect((twice.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "not_unique")
            let bad = try await app.testing().sendRequest(.POST, "api/v1/holidays", headers: org.admin.bearer.json,
                                                          body: jsonBody(["day": "1406/13/01", "name": " "]))
            #expect(Set((bad.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }) == ["day", "name"])

            let year1406 = try await app.testing().sendRequest(.GET, "api/v1/holidays?year=1406", headers: org.admin.bearer)
            #expect((year1406.json["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["نوروز"])
            #expect((try await app.testing().sendRequest(.GET, "api/v1/holidays?year=1405", headers: org.admin.bearer).json["data"] as? [Any])?.isEmpty == true)
            #expect((try await app.testing().sendRequest(.GET, "api/v1/holidays?year=1406", headers: other.admin.bearer).json["data"] as? [Any])?.isEmpty == true)

            let path = "api/v1/holidays/\(added.json["id"] as! String)"
            #expect(try await app.testing().sendRequest(.DELETE, path, headers: other.admin.bearer).status == .notFound)
            #expect(try await app.testing().sendRequest(.DELETE, path, headers: org.admin.bearer).status == .noContent)
            #expect(try await Holiday.query(on: app.db).count() == 0)
        }
    }

    @Test func the_organisations_calendar_skips_its_holidays_and_closed_days() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let service = BusinessCalendarService(store: app.store)
            _ = try await service.addHoliday(day: "1405/09/07", name: "Company day", by: try await org.adminContext())  // Saturday 28 Nov 2026
            // Thursday 26 Nov 2026, 12:00 in Tehran = 08:30 UTC; two working hours later is Sunday 09:00 = 05:30 UTC.
            let thursdayNoon = ISO8601DateFormatter().date(from: "2026-11-26T08:30:00Z")!
            let calendar = try await service.calendar(organisationID: org.id, around: thursdayNoon)
            #expect(calendar.adding(2 * 3600, to: thursdayNoon) == ISO8601DateFormatter().date(from: "2026-11-29T05:30:00Z"))
        }
    }
}
