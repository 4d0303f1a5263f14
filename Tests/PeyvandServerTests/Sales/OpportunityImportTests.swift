import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Opportunities through the CSV import: each row names an existing account, and optionally its
/// pipeline and stage by name; the same name on the same account is the same opportunity.
@Suite("Opportunity CSV import")
struct OpportunityImportTests {
    @Test func persian_headers_name_accounts_pipelines_and_stages_and_bad_rows_are_reported_by_column() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                              body: jsonBody(["name": "فولاد مبارکه"]))
            let accountID = try #require(UUID(uuidString: account.json["id"] as? String ?? ""))
            let csv = "\u{FEFF}نام فرصت,شرکت,مرحله,مبلغ,تاریخ بستن,برچسب\r\n"
                + "تمدید مجوزها,فولاد مباركه,مذاکره,۱۲٬۰۰۰٬۰۰۰,۱۴۰۵/۱۰/۱۵,تمدید\r\n"
                + "خط تولید دوم,فولاد مبارکه,,2500000,,\r\n"
                + "بی‌حساب,شرکت ناشناس,,1000,,\r\n"
                + "مرحلهٔ بد,فولاد مبارکه,پرواز,1000,,\r\n"
                + "مبلغ بد,فولاد مبارکه,,ده هزار,,\r\n"
                + ",فولاد مبارکه,,1000,,\r\n"
                + "تمدید مجوزها,فولاد مبارکه,,1,,\r\n"
            let (finished, report) = try await importCSV(app, org, into: "opportunities", csv)
            #expect(finished["status"] as? String == "completed")
            #expect(finished["created"] as? Int == 2)
            #expect(finished["failed"] as? Int == 4)
            #expect(report == ["4,error,account", "5,error,stage", "6,error,amount", "7,error,name", "8,skipped"])

            let renewal = try #require(try await Opportunity.query(on: app.db).filter(\.$name == "تمدید مجوزها").first())
            #expect(renewal.accountID == accountID)
            #expect(renewal.amountMinor == 12_000_000)
            #expect(renewal.expectedCloseDate == "2027-01-05")
            #expect(renewal.tags == ["تمدید"])
            #expect(renewal.ownerUserID == org.admin.id)
            let stages = try await PipelineStage.query(on: app.db).filter(\.$pipelineID == renewal.pipelineID).all()
            #expect(stages.first { $0.id == renewal.stageID }?.name == "مذاکره")
            let second = try #require(try await Opportunity.query(on: app.db).filter(\.$name == "خط تولید دوم").first())
            #expect(stages.first { $0.id == second.stageID }?.name == "شناسایی")
            #expect(try await OpportunityStageChange.query(on: app.db).count() == 2)
            #expect(try await OutboxEvent.query(on: app.db).filter(\.$eventType == "opportunity.created").count() == 2)
        }
    }

    @Test func an_update_changes_the_amount_but_never_the_stage() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            _ = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(["name": "Sina"]))
            _ = try await importCSV(app, org, into: "opportunities", "name,account,amount\r\nRenewal,Sina,100\r\n")
            let (finished, report) = try await importCSV(app, org, into: "opportunities", "name,account,stage,amount\r\nrenewal,SINA,مذاکره,250\r\n",
                                                                   duplicates: "update")
            #expect(finished["updated"] as? Int == 1)
            #expect(report.isEmpty)
            let renewal = try #require(try await Opportunity.query(on: app.db).first())
            #expect(renewal.amountMinor == 250)
            #expect(renewal.name == "renewal")
            let stage = try await PipelineStage.find(renewal.stageID, on: app.db)
            #expect(stage?.name == "شناسایی")
            #expect(try await Opportunity.query(on: app.db).count() == 1)
        }
    }
}
