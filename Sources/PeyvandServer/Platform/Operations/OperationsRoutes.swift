import Fluent
import Metrics
import PeyvandCore
import Prometheus
import Vapor

/// `/healthz`, `/readyz`, `/metrics`: for load balancers and monitoring.
enum OperationsRoutes {
    struct Status: Encodable {
        var status: String
        var pendingMigrations: Int?
    }

    @Sendable static func health(_ request: Request) async throws -> Response {
        try jsonResponse(Status(status: "ok"))
    }

    /// Ready when the database answers and no migration is pending.
    @Sendable static func ready(_ request: Request) async throws -> Response {
        do {
            _ = try await request.db.sql().raw("SELECT 1 AS ok").first()
            let pending = try await request.application.migrator.previewPrepareBatch().get().count
            let status: HTTPStatus = pending == 0 ? .ok : .serviceUnavailable
            return try jsonResponse(Status(status: pending == 0 ? "ready" : "migrations pending", pendingMigrations: pending), status: status)
        } catch {
            request.logger.error("readiness check failed", metadata: ["error": "\(String(reflecting: error))"])
            return try jsonResponse(Status(status: "database unreachable"), status: .serviceUnavailable)
        }
    }

    /// Prometheus text format: HTTP request counts and latency histograms by route (reported by
    /// Vapor), and the job queue's depth by status (read at scrape time).
    @Sendable static func metrics(_ request: Request) async throws -> Response {
        let depth = try await JobQueue.depth(store: request.store)
        for (status, count) in depth {
            MetricsRegistry.jobQueueDepth(status).set(Int64(count))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: MetricsRegistry.shared.emitToString()))
    }
}

/// One Prometheus registry per process (swift-metrics can be bootstrapped only once).
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func jobQueueDepth(_ status: Job.Status) -> Prometheus.Gauge {
        shared.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "peyvand", metricName: "jobs", unitName: "count",
                                             helpText: "Jobs in the queue by status"),
            labels: [("status", status.rawValue)])
    }
}

/// Serves the OpenAPI document, the contract the API test suite checks the server against.
enum OpenAPIRoute {
    @Sendable static func document(_ request: Request) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url)
        else { throw Abort(.internalServerError) }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
