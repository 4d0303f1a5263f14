import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Sends JSON as `member` and returns the response.
private func send(_ app: Application, _ method: HTTPMethod, _ path: String, as member: TestOrganisation.Member,
                  _ body: [String: Any]? = nil, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
    var headers = body == nil ? member.bearer : member.bearer.json
    for (name, value) in extra { headers = headers.adding(name, value) }
    return try await app.testing().sendRequest(method, "api/v1/\(path)", headers: headers, body: body.map(jsonBody))
}

@Suite("Cases: numbering, status moves, comments, links and access")
struct CasesAPITests {
    @Test func a_case_is_numbered_per_jalali_year_and_defaults_to_new_owned_by_its_creator() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let first = try await send(app, .POST, "cases", as: org.admin, ["title": "چاپگر کاغذ گیر می‌کند", "type": "incident",
                                                                             "channel": "phone", "priority": "high"])
            #expect(first.status == .created)
            #expect(first.json["number"] as? String == "C-1405-000001")
            #expect(first.json["status"] as? String == "new")
            #expect(first.json["owner_id"] as? String == org.admin.id.uuidString)
            #expect(first.headers.first(name: .location) == "/api/v1/cases/\(first.json["id"]!)")
            #expect(first.headers.first(name: .eTag) == "\"1\"")
            let second = try await send(app, .POST, "cases", as: org.admin, ["title": "سؤال دربارهٔ فاکتور"])
            #expect(second.json["number"] as? String == "C-1405-000002")
            #expect(second.json["type"] as? String == "question")
            #expect(second.json["priority"] as? String == "normal")

            let other = try await TestOrganisation.make(app, name: "Else")
            let theirs = try await send(app, .POST, "cases", as: other.admin, ["title": "Their first"])
            #expect(theirs.json["number"] as? String == "C-1405-000001")

            let list = try await send(app, .GET, "cases?status=new&sort=number", as: org.admin)
            #expect((list.json["data"] as? [[String: Any]])?.map { $0["number"] as? String } == ["C-1405-000001", "C-1405-000002"])
            let search = try await send(app, .GET, "cases?q=چاپگر", as: org.admin)
            #expect((search.json["data"] as? [Any])?.count == 1)
        }
    }

    @Test func a_repeated_idempotency_key_replays_the_first_case_and_numbers_nothing_new() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let key = [("Idempotency-Key", "case-\(UUID())")]
            let first = try await send(app, .POST, "cases", as: org.admin, ["title": "Repeat"], headers: key)
            let again = try await send(app, .POST, "cases", as: org.admin, ["title": "Repeat"], headers: key)
            #expect(first.status == .created && again.status == .created)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(again.json["number"] as? String == first.json["number"] as? String)
            #expect(try await SupportCase.query(on: app.db).count() == 1)
            let next = try await send(app, .POST, "cases", as: org.admin, ["title": "Next"])
            #expect(next.json["number"] as? String == "C-1405-000002")
        }
    }

    @Test func bad_input_is_reported_field_by_field_and_nothing_is_written() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let account = try await send(app, .POST, "accounts", as: org.admin, ["name": "پارس"])
            let stranger = try await send(app, .POST, "contacts", as: org.admin, ["last_name": "Amini"])
            let bad = try await send(app, .POST, "cases", as: org.admin, [
                "title": " ", "type": "praise", "channel": "fax", "priority": "asap", "status": "closed", "language": "xx",
                "account_id": account.json["id"]!, "contact_id": stranger.json["id"]!, "product_id": UUID().uuidString,
                "queue_id": UUID().uuidString, "owner_id": UUID().uuidString, "related_case_ids": [UUID().uuidString],
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["channel", "contact_id", "language", "owner_id", "priority", "product_id", "queue_id",
                                          "related_case_ids.0", "status", "title", "type"])
            #expect(try await SupportCase.query(on: app.db).count() == 0)

            let malformed = try await app.testing().sendRequest(.POST, "api/v1/cases", headers: org.admin.bearer.json,
                                                                body: ByteBuffer(string: "{\"title\":"))
            #expect(malformed.status == .badRequest)
        }
    }

    @Test func status_moves_follow_the_lifecycle_set_their_timestamps_and_are_audited() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let created = try await send(app, .POST, "cases", as: org.admin, ["title": "Login fails"])
            let id = try #require(created.json["id"] as? String)

            let early = try await send(app, .POST, "cases/\(id)/reopen", as: org.admin)
            #expect(early.status == .conflict)
            #expect(early.json["type"] as? String != nil)
            #expect(early.json["from"] as? String == "new")

            clock.advance(by: 60)
            let working = try await send(app, .PATCH, "cases/\(id)", as: org.admin, ["status": "in_progress"])
            #expect(working.status == .ok)
            #expect(working.json["first_response_at"] as? String != nil)
            let firstResponse = working.json["first_response_at"] as? String

            let backToNew = try await send(app, .PATCH, "cases/\(id)", as: org.admin, ["status": "new"])
            #expect(backToNew.status == .conflict)

            let noResolution = try await send(app, .POST, "cases/\(id)/resolve", as: org.admin, [:])
            #expect(noResolution.status == .unprocessableEntity)
            #expect(noResolution.problemFields == ["resolution"])

            let stale = try await send(app, .POST, "cases/\(id)/resolve", as: org.admin, ["resolution": "x"], headers: [("If-Match", "\"1\"")])
            #expect(stale.status == .preconditionFailed)

            clock.advance(by: 60)
            let resolved = try await send(app, .POST, "cases/\(id)/resolve", as: org.admin, ["resolution": "رمز عبور بازنشانی شد"])
            #expect(resolved.status == .ok)
            #expect(resolved.json["status"] as? String == "resolved")
            #expect(resolved.json["resolved_at"] as? String != nil)
            #expect(resolved.json["first_response_at"] as? String == firstResponse)

            let closed = try await send(app, .POST, "cases/\(id)/close", as: org.admin)
            #expect(closed.json["status"] as? String == "closed")
            #expect(closed.json["closed_at"] as? String != nil)
            #expect(try await send(app, .POST, "cases/\(id)/close", as: org.admin).status == .conflict)

            let reopened = try await send(app, .POST, "cases/\(id)/reopen", as: org.admin)
            #expect(reopened.json["status"] as? String == "in_progress")
            #expect(reopened.json["resolved_at"] == nil)
            #expect(reopened.json["closed_at"] == nil)

            let audit = try await AuditEntry.query(on: app.db).filter(\.$recordType == "case").count()
            #expect(audit == 5)  // create, in progress, resolve, close, reopen
            let events = try await OutboxEvent.query(on: app.db).filter(\.$recordType == "case").count()
            #expect(events == 5)
        }
    }

    @Test func comments_are_public_or_internal_and_a_first_public_one_is_the_first_response() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let id = try #require(try await send(app, .POST, "cases", as: org.admin, ["title": "Slow site"]).json["id"] as? String)
            let note = try await send(app, .POST, "cases/\(id)/comments", as: org.admin, ["body": "checking logs"])
            #expect(note.status == .created)
            #expect(note.json["visibility"] as? String == "internal")
            #expect(try await send(app, .GET, "cases/\(id)", as: org.admin).json["first_response_at"] == nil)
            let reply = try await send(app, .POST, "cases/\(id)/comments", as: org.admin, ["body": "سلام، در حال بررسی هستیم", "visibility": "public"])
            #expect(reply.status == .created)
            #expect(reply.json["author_id"] as? String == org.admin.id.uuidString)
            #expect(try await send(app, .GET, "cases/\(id)", as: org.admin).json["first_response_at"] as? String != nil)

            let bad = try await send(app, .POST, "cases/\(id)/comments", as: org.admin, ["body": "", "visibility": "secret"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["body", "visibility"])

            let list = try await send(app, .GET, "cases/\(id)/comments", as: org.admin)
            #expect((list.json["data"] as? [[String: Any]])?.map { $0["visibility"] as? String } == ["internal", "public"])
        }
    }

    @Test func related_cases_are_linked_both_ways_and_a_contact_must_belong_to_the_account() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let account = try #require(try await send(app, .POST, "accounts", as: org.admin, ["name": "Pars"]).json["id"] as? String)
            let contact = try #require(try await send(app, .POST, "contacts", as: org.admin,
                                                      ["last_name": "Amini", "account_id": account]).json["id"] as? String)
            let first = try #require(try await send(app, .POST, "cases", as: org.admin,
                                                    ["title": "A", "account_id": account, "contact_id": contact]).json["id"] as? String)
            let second = try await send(app, .POST, "cases", as: org.admin, ["title": "B", "related_case_ids": [first]])
            #expect(second.status == .created)
            let secondID = try #require(second.json["id"] as? String)
            #expect(second.json["related_case_ids"] as? [String] == [first])
            #expect(try await send(app, .GET, "cases/\(first)", as: org.admin).json["related_case_ids"] as? [String] == [secondID])
            let unlinked = try await send(app, .PATCH, "cases/\(first)", as: org.admin, ["related_case_ids": []])
            #expect(unlinked.json["related_case_ids"] as? [String] == [])
            #expect(try await send(app, .GET, "cases/\(secondID)", as: org.admin).json["related_case_ids"] as? [String] == [])
            let selfLink = try await send(app, .PATCH, "cases/\(first)", as: org.admin, ["related_case_ids": [first]])
            #expect(selfLink.problemFields == ["related_case_ids.0"])

            let otherAccount = try #require(try await send(app, .POST, "accounts", as: org.admin, ["name": "Other"]).json["id"] as? String)
            let mismatch = try await send(app, .PATCH, "cases/\(first)", as: org.admin, ["account_id": otherAccount])
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.problemFields == ["contact_id"])

            let timeline = try await send(app, .GET, "accounts/\(account)/timeline", as: org.admin)
            #expect((timeline.json["data"] as? [[String: Any]])?.contains { $0["record_type"] as? String == "case" } == true)
            let contactTimeline = try await send(app, .GET, "contacts/\(contact)/timeline", as: org.admin)
            #expect((contactTimeline.json["data"] as? [[String: Any]])?.contains { $0["record_type"] as? String == "case" } == true)
        }
    }

    @Test func another_organisations_case_is_not_found_and_roles_without_case_rights_are_forbidden() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let id = try #require(try await send(app, .POST, "cases", as: org.admin, ["title": "Ours"]).json["id"] as? String)
            let other = try await TestOrganisation.make(app, name: "Else")
            for (method, path) in [(HTTPMethod.GET, "cases/\(id)"), (.PATCH, "cases/\(id)"), (.POST, "cases/\(id)/close"),
                                   (.GET, "cases/\(id)/comments"), (.POST, "cases/\(id)/comments"), (.DELETE, "cases/\(id)")] {
                let res = try await send(app, method, path, as: other.admin, method == .GET || method == .DELETE ? nil : ["title": "x", "body": "x"])
                #expect(res.status == .notFound, "\(method) \(path)")
            }
            #expect((try await send(app, .GET, "cases", as: other.admin).json["data"] as? [Any])?.isEmpty == true)

            let marketer = try await org.addMember(role: .marketer)
            #expect(try await send(app, .GET, "cases", as: marketer).status == .forbidden)
            #expect(try await send(app, .POST, "cases", as: marketer, ["title": "x"]).status == .forbidden)
            #expect(try await send(app, .GET, "queues", as: marketer).status == .forbidden)

            // An agent sees their own cases, not a colleague's outside their team; may not hand cases to others.
            let agent = try await org.addMember(role: .supportAgent)
            let colleague = try await org.addMember(role: .supportAgent)
            let mine = try await send(app, .POST, "cases", as: agent, ["title": "Mine"])
            #expect(mine.status == .created)
            #expect(try await send(app, .GET, "cases/\(id)", as: agent).status == .notFound)
            let handOff = try await send(app, .PATCH, "cases/\(mine.json["id"]!)", as: agent, ["owner_id": colleague.id.uuidString])
            #expect(handOff.status == .forbidden)
            #expect(try await send(app, .POST, "queues", as: agent, ["name": "Mine"]).status == .forbidden)

            let manager = try await org.addMember(role: .supportManager)
            #expect((try await send(app, .GET, "cases", as: manager).json["data"] as? [Any])?.count == 2)
            let assigned = try await send(app, .PATCH, "cases/\(id)", as: manager, ["owner_id": agent.id.uuidString])
            #expect(assigned.status == .ok)
            #expect(try await send(app, .GET, "cases/\(id)", as: agent).status == .ok)
        }
    }
}

@Suite("Queues: membership, ordered rules and assignment")
struct QueuesAPITests {
    @Test func a_new_case_is_routed_by_the_first_matching_rule_and_handed_out_round_robin() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let (a, b) = (try await org.addMember(role: .supportAgent), try await org.addMember(role: .supportAgent))
            let billing = try await send(app, .POST, "queues", as: org.admin, [
                "name": "مالی", "position": 1, "member_ids": [a.id.uuidString],
                "rules": [["category": "پشتیبانی مالی"], ["type": "complaint", "channel": "email"]],
            ])
            #expect(billing.status == .created)
            let technical = try await send(app, .POST, "queues", as: org.admin, [
                "name": "فنی", "position": 0, "assignment_mode": "round_robin", "member_ids": [a.id.uuidString, b.id.uuidString],
                "rules": [["type": "incident"]],
            ])
            let technicalID = try #require(technical.json["id"] as? String)
            let billingID = try #require(billing.json["id"] as? String)

            var owners: [String] = []
            for index in 0..<4 {
                let res = try await send(app, .POST, "cases", as: org.admin, ["title": "Outage \(index)", "type": "incident"])
                #expect(res.json["queue_id"] as? String == technicalID)
                owners.append(res.json["owner_id"] as? String ?? "")
            }
            #expect(owners == [a.id.uuidString, b.id.uuidString, a.id.uuidString, b.id.uuidString])

            // Categories compare without Arabic/Persian letter or spacing differences (ي/ی, ZWNJ).
            let invoice = try await send(app, .POST, "cases", as: org.admin, ["title": "Double charge", "category": "پشتيباني\u{200C}مالي"])
            #expect(invoice.json["queue_id"] as? String == billingID)
            #expect(invoice.json["owner_id"] as? String == a.id.uuidString)
            let complaint = try await send(app, .POST, "cases", as: org.admin, ["title": "Rude", "type": "complaint", "channel": "email"])
            #expect(complaint.json["queue_id"] as? String == billingID)
            let unmatched = try await send(app, .POST, "cases", as: org.admin, ["title": "Hello", "type": "complaint", "channel": "phone"])
            #expect(unmatched.json["queue_id"] == nil)
            #expect(unmatched.json["owner_id"] as? String == org.admin.id.uuidString)

            let named = try await send(app, .POST, "cases", as: org.admin, ["title": "Direct", "type": "incident", "owner_id": b.id.uuidString])
            #expect(named.json["queue_id"] == nil)
            #expect(named.json["owner_id"] as? String == b.id.uuidString)
        }
    }

    @Test func least_loaded_picks_the_member_with_the_fewest_open_cases() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let (a, b) = (try await org.addMember(role: .supportAgent), try await org.addMember(role: .supportAgent))
            for title in ["one", "two"] {
                #expect(try await send(app, .POST, "cases", as: org.admin, ["title": title, "owner_id": a.id.uuidString]).status == .created)
            }
            let resolvedOfB = try await send(app, .POST, "cases", as: org.admin, ["title": "done", "owner_id": b.id.uuidString])
            _ = try await send(app, .POST, "cases/\(resolvedOfB.json["id"]!)/resolve", as: org.admin, ["resolution": "ok"])
            let queue = try await send(app, .POST, "queues", as: org.admin, [
                "name": "Support", "assignment_mode": "least_loaded", "member_ids": [a.id.uuidString, b.id.uuidString], "rules": [[:]],
            ])
            #expect(queue.status == .created)
            let routed = try await send(app, .POST, "cases", as: org.admin, ["title": "new"])
            #expect(routed.json["owner_id"] as? String == b.id.uuidString)
            let next = try await send(app, .POST, "cases", as: org.admin, ["title": "newer"])
            #expect(next.json["owner_id"] as? String == b.id.uuidString)
            let third = try await send(app, .POST, "cases", as: org.admin, ["title": "newest"])
            #expect(third.json["owner_id"] as? String == a.id.uuidString)  // 2 each: ties go to the earlier member

            // Assigning to a queue without naming a user lets the queue pick.
            let moved = try await send(app, .PATCH, "cases/\(resolvedOfB.json["id"]!)", as: org.admin, ["queue_id": queue.json["id"]!])
            #expect(moved.json["queue_id"] as? String == queue.json["id"] as? String)
        }
    }

    @Test func concurrent_cases_each_get_their_own_round_robin_turn() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            var members: [TestOrganisation.Member] = []
            for _ in 0..<3 { members.append(try await org.addMember(role: .supportAgent)) }
            _ = try await send(app, .POST, "queues", as: org.admin, ["name": "All", "member_ids": members.map(\.id.uuidString), "rules": [[:]]])
            let owners = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<9 {
                    group.addTask { try await send(app, .POST, "cases", as: org.admin, ["title": "c\(index)"]).json["owner_id"] as? String ?? "" }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let counts = Dictionary(grouping: owners, by: { $0 }).mapValues(\.count)
            #expect(counts.count == 3)
            #expect(counts.values.allSatisfy { $0 == 3 })
        }
    }

    @Test func queue_input_is_checked_and_only_administrators_change_queues() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let bad = try await send(app, .POST, "queues", as: org.admin, [
                "name": "", "assignment_mode": "random", "position": -1, "member_ids": [UUID().uuidString],
                "rules": [["type": "praise", "channel": "fax", "language": "xx", "product_id": UUID().uuidString]],
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["assignment_mode", "member_ids.0", "name", "position", "rules.0.channel", "rules.0.language",
                                          "rules.0.product_id", "rules.0.type"])
            #expect(try await ServiceQueue.query(on: app.db).count() == 0)

            let queue = try await send(app, .POST, "queues", as: org.admin, ["name": "Support"])
            let id = try #require(queue.json["id"] as? String)
            #expect(try await send(app, .POST, "queues", as: org.admin, ["name": "support"]).status == .conflict)
            let renamed = try await send(app, .PATCH, "queues/\(id)", as: org.admin, ["name": "Helpdesk"], headers: [("If-Match", "\"1\"")])
            #expect(renamed.json["version"] as? Int == 2)
            #expect(try await send(app, .PATCH, "queues/\(id)", as: org.admin, ["name": "X"], headers: [("If-Match", "\"1\"")]).status == .preconditionFailed)

            let manager = try await org.addMember(role: .supportManager)
            #expect(try await send(app, .GET, "queues", as: manager).status == .ok)
            #expect(try await send(app, .PATCH, "queues/\(id)", as: manager, ["name": "Mine"]).status == .forbidden)
            let other = try await TestOrganisation.make(app, name: "Else")
            #expect(try await send(app, .GET, "queues/\(id)", as: other.admin).status == .notFound)
            #expect(try await send(app, .DELETE, "queues/\(id)", as: other.admin).status == .notFound)
            #expect(try await send(app, .DELETE, "queues/\(id)", as: org.admin).status == .noContent)
            #expect((try await send(app, .GET, "queues", as: org.admin).json["data"] as? [Any])?.isEmpty == true)
        }
    }
}

@Suite("Service demo data")
struct DemoCasesTests {
    @Test func the_demo_queues_route_a_realistic_set_of_persian_cases_in_every_status() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let agents = [try await org.addMember(role: .supportAgent).id, try await org.addMember(role: .supportAgent).id]
            let report = try await DemoCases(store: app.store).load(agents: agents, by: try await org.adminContext())
            #expect(report.queues == 2 && report.cases == 8)
            let cases = try await SupportCase.query(on: app.db).all()
            #expect(Set(cases.map(\.status)) == Set(SupportCase.Status.allCases.map(\.rawValue)))
            #expect(cases.allSatisfy { $0.queueID != nil && agents.contains($0.ownerUserID ?? UUID()) })
            #expect(try await CaseComment.query(on: app.db).count() == 3)
        }
    }
}
