import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import PeyvandCore
import Vapor

/// Builds the application: database, migrations, middleware, routes, background worker.
/// Does not migrate: `peyvand serve`/`migrate` and the tests decide when.
public func configure(
    _ app: Application, settings: Settings, hasher: any PasswordHashing = BcryptHasher(),
    now: @escaping @Sendable () -> Date = { Date() }
) async throws {
    var writeGate: WriteGate?
    switch settings.database {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        writeGate = WriteGate()
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = ["public"]
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
    }
    // Modules that turn received mail into records register here, in the order they are asked
    // (the cases module's handler goes first). Until one claims a message it stays `unhandled`.
    let inboundMailHandlers: [any InboundMailHandler] = [CaseMailHandler()]
    app.peyvand = PeyvandState(settings: settings, writeGate: writeGate, hasher: hasher, now: now,
                               subscriptions: Outbox.Subscriptions(),
                               jobHandlers: [ImportJob.kind: ImportJob(laterModules: [.activities: ActivitiesModule.importRunner]), QuoteExpiryJob.kind: QuoteExpiryJob(),
                                             StagedImportPurgeJob.kind: StagedImportPurgeJob(),
                                             OutboundMailJob.kind: OutboundMailJob(transport: settings.smtp.map { SMTPClient(configuration: $0) }),
                                             InboundMailJob.kind: InboundMailJob(handlers: inboundMailHandlers),
                                             SLAEscalationJob.kind: SLAEscalationJob()],
                               periodicJobs: [QuoteExpiryJob.schedule, StagedImportPurgeJob.schedule, SLAEscalationJob.schedule],
                               throttle: LoginThrottle())
    app.migrations.add(PlatformModule.migrations)
    app.migrations.add(SalesModule.migrations)
    app.migrations.add(ActivitiesModule.migrations)
    app.migrations.add(ServiceModule.migrations)
    app.migrations.add(KnowledgeModule.migrations)
    if case .sqlite = settings.database {
        // Persistent in the file: readers never block the writer and vice versa.
        _ = try await app.db.sql().raw("PRAGMA journal_mode=WAL").all()
    }

    _ = MetricsRegistry.shared
    app.http.server.configuration.port = settings.port
    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = Middlewares()
    app.middleware.use(ResponseHeadersMiddleware())
    try routes(app)
    app.middleware.use(ProblemMiddleware(routeTable: RouteTable(routes: app.routes.all)))
    if settings.runsJobWorker {
        app.lifecycle.use(JobWorkerLifecycle())
    }
    if settings.mailPort != nil {
        app.lifecycle.use(MailReceiverLifecycle())
    }
}

/// Runs one job worker beside the HTTP server, started after boot and stopped (and awaited) at
/// shutdown. Every server instance runs one; SKIP LOCKED keeps them from sharing a job.
final class JobWorkerLifecycle: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let worker = JobWorker(id: "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)",
                               store: application.store, handlers: application.peyvand.jobHandlers,
                               periodicJobs: application.peyvand.periodicJobs, logger: application.logger)
        let subscriptions = application.peyvand.subscriptions
        lock.withLock { task = Task { await worker.run(relaying: subscriptions) } }
    }

    func shutdownAsync(_ application: Application) async {
        let running = lock.withLock { task }
        running?.cancel()
        await running?.value
    }
}
