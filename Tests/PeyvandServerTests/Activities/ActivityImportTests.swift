import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Activities through the CSV import: a call log or task list from another system, with Persian
/// kinds and statuses, Jalali day-times in the importer's zone and the account each regards.
@Suite("Activity CSV import")
struct ActivityImportTests {
    @Test func a_persian_call_log_becomes_activities_regarding_their_accounts_and_bad_rows_are_reported() async throws {
        try await withApp(clock: TestClock()) { app in
            let org = try await TestOrganisation.make(app)
            let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                              body: jsonBody(["name": "هتل پارسیان"]))
            let accountID = try #require(UUID(uuidString: account.json["id"] as? String ?? ""))
            let csv = "\u{FEFF}نوع,موضوع,وضعیت,سررسید,شرکت,توضیحات\r\n"
                + "تماس,پیگیری پیش‌فاکتور,انجام شد,۱۴۰۵/۰۹/۰۱ ۱۰:۳۰,هتل پارسيان,مشتری تا هفتهٔ بعد پاسخ می‌دهد\r\n"
                + "وظیفه,ارسال کاتالوگ,,1405/09/05,,\r\n"
                + "پرواز,نوع بد,,,,\r\n"
                + "جلسه,,,,,\r\n"
                + "تماس,تاریخ بد,,۱۴۰۵/۱۳/۰۱,,\r\n"
                + "تماس,حساب ناشناس,,,شرکت ناشناس,\r\n"
            let (finished, report) = try await importCSV(app, org, into: "activities", csv)
            #expect(finished["status"] as? String == "completed")
            #expect(finished["created"] as? Int == 2)
            #expect(finished["failed"] as? Int == 4)
            #expect(report == ["4,error,kind", "5,error,subject", "6,error,due_at", "7,error,account"])

            let call = try #require(try await Activity.query(on: app.db).filter(\.$subject == "پیگیری پیش‌فاکتور").first())
            #expect(call.kind == "call")
            #expect(call.status == "completed")
            #expect(call.regardingType == "account" && call.regardingID == accountID)
            // 1 Azar 1405 10:30 in Tehran is 22 November 2026 07:00 UTC.
            #expect(call.dueAt == ISO8601DateFormatter().date(from: "2026-11-22T07:00:00Z"))
            #expect(call.ownerUserID == org.admin.id)
            let task = try #require(try await Activity.query(on: app.db).filter(\.$subject == "ارسال کاتالوگ").first())
            #expect(task.kind == "task" && task.status == "open")
            #expect(try await OutboxEvent.query(on: app.db).filter(\.$eventType == "activity.created").count() == 2)

            let timeline = try await app.testing().sendRequest(.GET, "api/v1/accounts/\(accountID)/timeline", headers: org.admin.bearer)
            let activities = (timeline.json["data"] as? [[String: Any]])?.compactMap { $0["activity"] as? [String: Any] }
            #expect(activities?.contains { ($0["subject"] as? String) == "پیگیری پیش‌فاکتور" } == true)
        }
    }
}
