import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Pipelines and opportunities")
struct OpportunitiesAPITests {
    struct Setup {
        let org: TestOrganisation
        let accountID: String
        let pipelineID: String
        let stageIDs: [String: String]
    }

    func setUp(_ app: Application) async throws -> Setup {
        let org = try await TestOrganisation.make(app)
        let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(["name": "Pars"]))
        let stages: [[String: Any]] = [
            ["name": "Lead in", "probability": 10, "outcome": "open"], ["name": "Proposal", "probability": 60, "outcome": "open"],
            ["name": "Won", "outcome": "won"], ["name": "Lost", "outcome": "lost"],
        ]
        let pipeline = try await app.testing().sendRequest(.POST, "api/v1/pipelines", headers: org.admin.bearer.json,
                                                           body: jsonBody(["name": "Software", "product_line": "ERP", "stages": stages]))
        #expect(pipeline.status == .created)
        let created = pipeline.json["stages"] as? [[String: Any]] ?? []
        let ids = Dictionary(uniqueKeysWithValues: created.map { ($0["name"] as! String, $0["id"] as! String) })
        return Setup(org: org, accountID: account.json["id"] as! String, pipelineID: pipeline.json["id"] as! String, stageIDs: ids)
    }

    @Test func stage_moves_are_kept_in_history_and_won_closes_the_opportunity() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let headers = setup.org.admin.bearer.json
            let created = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: headers, body: jsonBody([
                "name": "ERP for Pars", "account_id": setup.accountID, "pipeline_id": setup.pipelineID,
                "amount": ["amount_minor": 5_000_000_000, "currency": "IRR"], "expected_close_date": "1405/10/01",
            ]))
            #expect(created.status == .created)
            #expect(created.json["stage_id"] as? String == setup.stageIDs["Lead in"])
            #expect(created.json["expected_close_date"] as? String == "2026-12-22")
            let path = "api/v1/opportunities/\(created.json["id"] as! String)"
            for stage in ["Proposal", "Won"] {
                let moved = try await app.testing().sendRequest(.PATCH, path, headers: headers, body: jsonBody(["stage_id": setup.stageIDs[stage]!]))
                #expect(moved.status == .ok)
            }
            let won = try await app.testing().sendRequest(.GET, path, headers: setup.org.admin.bearer)
            #expect(won.json["status"] as? String == "won")
            #expect(won.json["closed_at"] != nil)

            let history = try await app.testing().sendRequest(.GET, path + "/stage-history", headers: setup.org.admin.bearer)
            let moves = (history.json["data"] as? [[String: Any]] ?? []).map { $0["to_stage_id"] as? String }
            #expect(moves == ["Lead in", "Proposal", "Won"].map { setup.stageIDs[$0] })

            let closedMove = try await app.testing().sendRequest(.PATCH, path, headers: headers, body: jsonBody(["stage_id": setup.stageIDs["Lead in"]!]))
            #expect(closedMove.status == .conflict)
            #expect(closedMove.json["type"] as? String == "urn:peyvand:problem:invalid-transition")
            let reopened = try await app.testing().sendRequest(.POST, path + "/reopen", headers: headers, body: jsonBody([:]))
            #expect(reopened.status == .ok)
            #expect(reopened.json["status"] as? String == "open")
            #expect(reopened.json["stage_id"] as? String == setup.stageIDs["Proposal"])
        }
    }

    @Test func unknown_stages_lost_without_reason_and_negative_amounts_are_refused() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let headers = setup.org.admin.bearer.json
            let bad = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: headers, body: jsonBody([
                "name": "", "account_id": UUID().uuidString, "amount": ["amount_minor": -5, "currency": "rial"],
                "expected_close_date": "2026-02-30",
            ]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["account_id", "amount", "expected_close_date", "name"])

            let otherPipelineStage = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: headers, body: jsonBody([
                "name": "X", "account_id": setup.accountID, "stage_id": UUID().uuidString,
            ]))
            #expect(otherPipelineStage.status == .unprocessableEntity)
            #expect(otherPipelineStage.problemFields == ["stage_id"])

            let created = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: headers, body: jsonBody([
                "name": "Y", "account_id": setup.accountID, "pipeline_id": setup.pipelineID,
            ]))
            let path = "api/v1/opportunities/\(created.json["id"] as! String)"
            let lost = try await app.testing().sendRequest(.PATCH, path, headers: headers, body: jsonBody(["stage_id": setup.stageIDs["Lost"]!]))
            #expect(lost.status == .unprocessableEntity)
            #expect(lost.problemFields == ["lost_reason"])
            let lostWithReason = try await app.testing().sendRequest(.PATCH, path, headers: headers, body: jsonBody([
                "stage_id": setup.stageIDs["Lost"]!, "lost_reason": "Price",
            ]))
            #expect(lostWithReason.json["status"] as? String == "lost")
        }
    }

    @Test func a_stage_in_use_cannot_be_dropped_and_pipelines_need_won_and_lost_stages() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let headers = setup.org.admin.bearer.json
            _ = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: headers, body: jsonBody([
                "name": "Z", "account_id": setup.accountID, "pipeline_id": setup.pipelineID,
            ]))
            let keepOnlyNew: [[String: Any]] = [["name": "New", "probability": 5, "outcome": "open"],
                                                ["name": "W", "outcome": "won"], ["name": "L", "outcome": "lost"]]
            let dropping = try await app.testing().sendRequest(.PATCH, "api/v1/pipelines/\(setup.pipelineID)", headers: headers,
                                                               body: jsonBody(["stages": keepOnlyNew]))
            #expect(dropping.status == .conflict)
            let noWon = try await app.testing().sendRequest(.POST, "api/v1/pipelines", headers: headers, body: jsonBody([
                "name": "Broken", "stages": [["name": "Only", "probability": 10, "outcome": "open"]],
            ]))
            #expect(noWon.status == .unprocessableEntity)
            #expect(noWon.problemFields == ["stages"])
            let rep = try await setup.org.addMember(role: .salesRep)
            let byRep = try await app.testing().sendRequest(.POST, "api/v1/pipelines", headers: rep.bearer.json,
                                                            body: jsonBody(["name": "Mine", "stages": keepOnlyNew]))
            #expect(byRep.status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "api/v1/pipelines", headers: rep.bearer).status == .ok)
        }
    }

    @Test func without_a_pipeline_the_standard_one_is_made_on_first_use() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(["name": "A"]))
            let created = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: org.admin.bearer.json, body: jsonBody([
                "name": "First deal", "account_id": account.json["id"] as! String,
            ]))
            #expect(created.status == .created)
            let pipelines = try await app.testing().sendRequest(.GET, "api/v1/pipelines", headers: org.admin.bearer)
            let stages = ((pipelines.json["data"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]]) ?? []
            #expect(stages.count == 6)
            #expect(created.json["stage_id"] as? String == stages.first?["id"] as? String)
        }
    }
}
