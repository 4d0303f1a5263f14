import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Audit log, outbox and jobs")
struct AuditAndJobsTests {
    @Test func changes_are_audited_field_by_field_and_readable_by_admins_only() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let created = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json, body: jsonBody(["name": "Old"]))
            let teamID = try #require(created.json["id"] as? String)
            _ = try await app.testing().sendRequest(.PATCH, "api/v1/teams/\(teamID)", headers: org.admin.bearer.json, body: jsonBody(["name": "New"]))

            let log = try await app.testing().sendRequest(.GET, "api/v1/audit-log?record_type=team&record_id=\(teamID)", headers: org.admin.bearer)
            #expect(log.status == .ok)
            let entries = log.json["data"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["action"] as? String } == ["update", "create"])
            let rename = entries.first?["changes"] as? [String: [String: String]]
            #expect(rename?["name"] == ["before": "Old", "after": "New"])
            #expect(entries.first?["actor_user_id"] as? String == org.admin.id.uuidString)

            let byUser = try await app.testing().sendRequest(.GET, "api/v1/audit-log?user_id=\(org.admin.id)", headers: org.admin.bearer)
            // The admin's own account (made by set-up, attributed to itself), the team, the rename.
            #expect((byUser.json["data"] as? [[String: Any]])?.compactMap { $0["record_type"] as? String } == ["team", "team", "user"])

            let rep = try await org.addMember(role: .salesRep)
            #expect(try await app.testing().sendRequest(.GET, "api/v1/audit-log", headers: rep.bearer).status == .forbidden)
        }
    }

    @Test func the_log_is_read_by_a_range_of_days_in_either_calendar_in_the_organisations_time_zone() async throws {
        let clock = TestClock()  // 27 Aban 1405 (18 Nov 2026), 14:36 in Tehran
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            func team(_ name: String) async throws {
                _ = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json, body: jsonBody(["name": name]))
            }
            func names(_ query: String) async throws -> [String] {
                let log = try await app.testing().sendRequest(.GET, "api/v1/audit-log?record_type=team&\(query)", headers: org.admin.bearer)
                #expect(log.status == .ok)
                return (log.json["data"] as? [[String: Any]] ?? []).compactMap { entry in
                    ((entry["changes"] as? [String: Any])?["name"] as? [String: Any])?["after"] as? String
                }
            }
            try await team("Tuesday")
            clock.advance(by: 9 * 3600 + 20 * 60)  // 23:56 the same evening in Tehran (20:26 UTC)
            try await team("Late Tuesday")
            clock.advance(by: 2 * 86400)
            try await team("Thursday")

            #expect(try await names("from=1405/08/27&to=%DB%B1%DB%B4%DB%B0%DB%B5/%DB%B0%DB%B8/%DB%B2%DB%B7") == ["Late Tuesday", "Tuesday"])
            #expect(try await names("from=2026-11-19") == ["Thursday"])
            #expect(try await names("to=2026-11-19") == ["Late Tuesday", "Tuesday"])
            let backwards = try await app.testing().sendRequest(.GET, "api/v1/audit-log?from=1405/08/29&to=1405/08/27", headers: org.admin.bearer)
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.body.string.contains(#""field":"to""#))
            let notADay = try await app.testing().sendRequest(.GET, "api/v1/audit-log?from=1405/13/01", headers: org.admin.bearer)
            #expect(notADay.status == .unprocessableEntity)

            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let page = try await web.get("/admin/audit?record_type=team&from=%DB%B1%DB%B4%DB%B0%DB%B5/%DB%B0%DB%B8/%DB%B2%DB%B9").body.string
            #expect(page.components(separatedBy: "<td>team</td>").count - 1 == 1)
            #expect(page.contains(#"value="۱۴۰۵/۰۸/۲۹""#))
            let refused = try await web.get("/admin/audit?from=1405/08/29&to=1405/08/27")
            #expect(refused.body.string.contains(#"id="field-to-error""#))
            #expect(refused.body.string.contains(#"value="1405/08/27""#))
        }
    }

    @Test func a_failed_transaction_leaves_no_change_no_audit_and_no_event() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let before = (try await AuditEntry.query(on: app.db).count(), try await OutboxEvent.query(on: app.db).count())
            struct Crash: Error {}
            await #expect(throws: Crash.self) {
                try await app.store.write { db in
                    let team = Team(organisationID: org.id, name: "Doomed")
                    try await team.create(on: db)
                    try await AuditTrail.record(.create, of: team, organisationID: org.id, actorUserID: nil, requestID: nil, at: Date(), on: db)
                    try await Outbox.append("team.created", recordType: "team", recordID: team.id!, payload: ["x": 1],
                                            organisationID: org.id, at: Date(), on: db)
                    throw Crash()
                }
            }
            #expect(try await Team.query(on: app.db).filter(\.$name == "Doomed").count() == 0)
            #expect((try await AuditEntry.query(on: app.db).count(), try await OutboxEvent.query(on: app.db).count()) == before)
        }
    }

    @Test func outbox_events_become_one_job_per_subscriber_exactly_once() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            var subscriptions = Outbox.Subscriptions()
            subscriptions.add(eventPrefix: "user.", jobKind: "welcome-email")
            let relayed = try await Outbox.relay(subscriptions, store: app.store)
            #expect(relayed == 1)
            #expect(try await Outbox.relay(subscriptions, store: app.store) == 0)
            let jobs = try await Job.query(on: app.db).all()
            #expect(jobs.map(\.kind) == ["welcome-email"])
            let delivery = try JSONDecoder().decode(OutboxDelivery.self, from: Data(jobs[0].payload.utf8))
            #expect(delivery.eventType == "user.created")
            #expect(delivery.recordID == org.admin.id)
        }
    }

    struct FlakyHandler: JobHandler {
        func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
            struct Boom: Error {}
            throw Boom()
        }
    }

    @Test func failing_jobs_back_off_then_land_in_dead_letter() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            try await app.store.write { db in
                try await JobQueue.enqueue(kind: "flaky", payload: ["n": 1], organisationID: nil, maxAttempts: 3, at: clock.now, on: db)
            }
            let worker = JobWorker(id: "w", store: app.store, handlers: ["flaky": FlakyHandler()], logger: app.logger)
            #expect(try await worker.runOnce() == 1)
            #expect(try await worker.runOnce() == 0)  // backing off: not due yet
            clock.advance(by: JobQueue.backoff(afterAttempt: 1) + 1)
            #expect(try await worker.runOnce() == 1)
            clock.advance(by: JobQueue.backoff(afterAttempt: 2) + 1)
            #expect(try await worker.runOnce() == 1)
            let job = try #require(try await Job.query(on: app.db).first())
            #expect(job.status == Job.Status.dead.rawValue)
            #expect(job.attempts == 3)
            #expect(job.lastError?.contains("Boom") == true)
            #expect(JobQueue.backoff(afterAttempt: 1) == 5 && JobQueue.backoff(afterAttempt: 3) == 20 && JobQueue.backoff(afterAttempt: 30) == 3600)
        }
    }

    /// Records every run; two runs of one job would show up as a count of 2.
    actor RunLedger {
        var runs: [UUID: Int] = [:]
        func record(_ id: UUID) { runs[id, default: 0] += 1 }
    }

    struct CountingHandler: JobHandler {
        let ledger: RunLedger
        func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
            await ledger.record(job.id)
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    @Test func two_workers_racing_over_many_jobs_run_each_exactly_once() async throws {
        try await withApp { app in
            let count = 300
            try await app.store.write { db in
                for index in 0..<count {
                    try await JobQueue.enqueue(kind: "count", payload: ["i": index], organisationID: nil, at: app.peyvand.now(), on: db)
                }
            }
            let ledger = RunLedger()
            let workers = ["a", "b"].map {
                JobWorker(id: $0, store: app.store, handlers: ["count": CountingHandler(ledger: ledger)], batchSize: 5, logger: app.logger)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in workers {
                    group.addTask { while try await worker.runOnce() > 0 {} }
                }
                try await group.waitForAll()
            }
            let runs = await ledger.runs
            #expect(runs.count == count)
            #expect(runs.values.allSatisfy { $0 == 1 })
            let depth = try await JobQueue.depth(store: app.store)
            #expect(depth[.succeeded] == count)
            let claimedBy = try await Job.query(on: app.db).all().compactMap(\.lockedBy)
            #expect(claimedBy.isEmpty)  // released on completion
        }
    }
}
