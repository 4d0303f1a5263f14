import Foundation
import Logging

/// Runs one kind of job. Handlers must be safe to run again for the same job: a worker that dies
/// after the work but before `complete` leaves the job to be retried.
public protocol JobHandler: Sendable {
    func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws
}

/// Claims and runs jobs until cancelled. Several workers (in one process or many) may run at once.
public struct JobWorker: Sendable {
    public let id: String
    public let store: Store
    public let handlers: [String: any JobHandler]
    /// Offered to the queue once per period by every worker (the queue keeps one per period).
    public let periodicJobs: [PeriodicJob]
    public let batchSize: Int
    public let logger: Logger

    public init(id: String, store: Store, handlers: [String: any JobHandler], periodicJobs: [PeriodicJob] = [], batchSize: Int = 10,
                logger: Logger) {
        self.id = id
        self.store = store
        self.handlers = handlers
        self.periodicJobs = periodicJobs
        self.batchSize = batchSize
        self.logger = logger
    }

    /// Offers each periodic job's current run once per period of this worker's life; `offered`
    /// remembers the period last offered per kind, so an idle loop does not write every second.
    public func offerPeriodicJobs(offered: inout [String: Int64]) async throws {
        let now = store.now()
        for job in periodicJobs where offered[job.kind] != job.period(at: now) {
            try await job.offer(at: now, store: store)
            offered[job.kind] = job.period(at: now)
        }
    }

    /// Claims one batch and runs it; returns how many jobs it took.
    @discardableResult
    public func runOnce() async throws -> Int {
        let jobs = try await JobQueue.claim(limit: batchSize, workerID: id, store: store)
        for job in jobs {
            do {
                guard let handler = handlers[job.kind] else {
                    throw JobWorkerError.noHandler(kind: job.kind)
                }
                try await handler.run(job, store: store, logger: logger)
                try await JobQueue.complete(job, store: store)
            } catch {
                logger.warning("job failed", metadata: ["job-id": "\(job.id)", "kind": "\(job.kind)",
                                                        "attempt": "\(job.attempt)", "error": "\(error)"])
                try await JobQueue.fail(job, error: String(describing: error), store: store)
            }
        }
        return jobs.count
    }

    /// Works until the task is cancelled, pausing `idleDelay` when the queue is empty.
    public func run(relaying subscriptions: Outbox.Subscriptions, idleDelay: Duration = .seconds(1)) async {
        var offeredPeriods: [String: Int64] = [:]
        while !Task.isCancelled {
            do {
                try await offerPeriodicJobs(offered: &offeredPeriods)
                let relayed = try await Outbox.relay(subscriptions, store: store)
                try await JobQueue.recoverAbandoned(store: store)
                let ran = try await runOnce()
                if relayed == 0 && ran == 0 { try await Task.sleep(for: idleDelay) }
            } catch is CancellationError {
                return
            } catch {
                logger.error("job worker loop failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: idleDelay)
            }
        }
    }
}

public enum JobWorkerError: Error, CustomStringConvertible {
    case noHandler(kind: String)

    public var description: String {
        switch self {
        case .noHandler(let kind): "no handler registered for job kind \(kind)"
        }
    }
}
