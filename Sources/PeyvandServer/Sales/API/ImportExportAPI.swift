import Foundation
import PeyvandCore
import Vapor

/// `POST /import/{resource}` (CSV body → a background import), `GET /imports/{id}` (progress),
/// `GET /imports/{id}/report` (refused and skipped rows as CSV), `GET /export/{resource}` (any list as CSV).
enum ImportExportAPI {
    static let maximumFileSize: ByteCount = "20mb"

    struct ImportDTO: Encodable {
        var id: UUID
        var resource: String
        var status: String
        var fileName: String
        var duplicatePolicy: String
        var totalRows: Int
        var processedRows: Int
        var created: Int
        var updated: Int
        var skipped: Int
        var failed: Int
        var jobId: UUID?
        var reportUrl: String
        var createdAt: Date
        var finishedAt: Date?

        init(_ dataImport: DataImport) {
            (id, resource, status, fileName) = (dataImport.id!, dataImport.resource, dataImport.status, dataImport.fileName)
            (duplicatePolicy, totalRows, processedRows) = (dataImport.duplicatePolicy, dataImport.totalRows, dataImport.processedRows)
            (created, updated, skipped, failed) = (dataImport.createdCount, dataImport.updatedCount, dataImport.skippedCount, dataImport.failedCount)
            (jobId, createdAt, finishedAt) = (dataImport.jobID, dataImport.createdAt, dataImport.finishedAt)
            reportUrl = "/api/v1/imports/\(dataImport.id!)/report"
        }
    }

    /// The body is the CSV file itself (`text/csv`); options are query parameters:
    /// `duplicates=skip|update|create`, `mapping={"CSV header": "field", …}`, `file_name`.
    @Sendable static func start(_ request: Request) async throws -> Response {
        let context = try request.actor
        guard let resource = request.parameters.get("resource").flatMap(ImportResource.init(rawValue:)) else { throw Abort(.notFound) }
        guard let contentType = request.headers.contentType,
              (contentType.type == "text" && contentType.subType == "csv") || (contentType.type == "application" && contentType.subType == "octet-stream")
        else { throw HTTPProblem(code: .unsupportedMediaType, status: .unsupportedMediaType) }
        var query = QueryReader(request)
        let policy = query.oneOf("duplicates", DataImport.DuplicatePolicy.self) ?? .skip
        var mapping: [String: String] = [:]
        if let raw = query.string("mapping", max: 4_000) {
            if let decoded = try? JSONDecoder().decode([String: String].self, from: Data(raw.utf8)) { mapping = decoded }
            else { query.validator.add("mapping", .invalidFormat) }
        }
        let fileName = query.string("file_name").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "\(resource.rawValue).csv"
        try query.finish()
        guard let body = request.body.data, body.readableBytes > 0 else {
            throw ValidationFailure([FieldError(field: "file", code: .required)])
        }
        let dataImport = try await ImportService(store: request.store).start(resource, csv: Data(buffer: body), fileName: fileName,
                                                                             policy: policy, mapping: mapping, by: context)
        return try jsonResponse(ImportDTO(dataImport), status: .accepted, location: "/api/v1/imports/\(dataImport.id!)")
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let dataImport = try await ImportService(store: request.store).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(ImportDTO(dataImport))
    }

    @Sendable static func report(_ request: Request) async throws -> Response {
        let dataImport = try await ImportService(store: request.store).find(try idParameter(request), in: try request.actor)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"import-\(dataImport.id!)-report.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: dataImport.report))
    }

    /// Streams the list (same filters as `GET /<resource>`) as CSV, page by page.
    @Sendable static func export(_ request: Request) async throws -> Response {
        guard let resource = request.parameters.get("resource").flatMap(ExportResource.init(rawValue:)) else { throw Abort(.notFound) }
        return try await exportResponse(resource, request)
    }

    /// The filtered list (search, filters and sort of the request; every page) as a streamed CSV.
    /// Also what a list page's "export" link downloads.
    static func exportResponse(_ resource: ExportResource, _ request: Request) async throws -> Response {
        switch resource {
        case .accounts: try await stream(SalesExports.accounts, filters: AccountsAPI.filters, as: resource, request)
        case .contacts: try await stream(SalesExports.contacts, filters: ContactsAPI.filters, as: resource, request)
        case .leads: try await stream(SalesExports.leads, filters: LeadsAPI.filters, as: resource, request)
        case .products: try await stream(SalesExports.products, filters: ProductsAPI.filters, as: resource, request)
        case .opportunities: try await stream(SalesExports.opportunities, filters: OpportunitiesAPI.filters, as: resource, request)
        case .quotes: try await stream(SalesExports.quotes, filters: DocumentsAPI.quoteFilters, as: resource, request)
        case .orders: try await stream(SalesExports.orders, filters: DocumentsAPI.orderFilters, as: resource, request)
        case .invoices: try await stream(SalesExports.invoices, filters: DocumentsAPI.invoiceFilters, as: resource, request)
        case .activities: try await stream(ActivityExports.activities, filters: ActivitiesAPI.filters, as: resource, request)
        case .cases: try await stream(ServiceExports.cases, filters: CasesAPI.filters(at: request.store.now()), as: resource, request)
        }
    }

    private static func stream<Record>(_ export: CSVExport<Record>, filters: [ListParameter], as resource: ExportResource,
                                       _ request: Request) async throws -> Response {
        let context = try request.actor
        var listRequest = try SalesRequests.listRequest(request, export.list, filters: filters)
        // Refused before the first byte: once streaming starts the status is already 200.
        try context.require(Record.permissionModule, .export)
        listRequest.cursor = nil  // an export is the whole filtered list
        let wholeList = listRequest
        let store = request.store
        let logger = request.logger
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(resource.rawValue).csv\"")
        return Response(status: .ok, headers: headers, body: .init(asyncStream: { writer in
            do {
                try await export.write(wholeList, in: context, store: store) { text in
                    try await writer.write(.buffer(ByteBuffer(string: text)))
                }
                try await writer.write(.end)
            } catch {
                // The status line is already sent; ending the stream with an error tells the client it is incomplete.
                logger.error("export failed", metadata: ["error": "\(error)"])
                try await writer.write(.error(error))
            }
        }))
    }
}

/// Every list that downloads as CSV, at `GET /api/v1/export/{resource}` and from its list page.
enum ExportResource: String, CaseIterable, Sendable {
    case accounts, contacts, leads, products, opportunities, quotes, orders, invoices, activities, cases
}
