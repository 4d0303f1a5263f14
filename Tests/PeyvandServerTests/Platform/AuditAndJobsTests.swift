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
