import FluentKit
import Foundation

/// Starts CSV imports into accounts, contacts, leads and products, and reports on them. The rows are
/// imported by `ImportJob` in the background, batch by batch.
public struct ImportService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let maximumRows = 200_000
    static let batchSize = 500

    /// Checks the file and the mapping at once (422 with every problem), stores the file and
    /// queues the job. Nothing is imported yet when this returns.
    public func start(_ resource: ImportResource, csv: Data, fileName: String, policy: DataImport.DuplicatePolicy,
                      mapping: [String: String], by context: RequestContext) async throws -> DataImport {
        try context.require(resource.module, .create)
        if policy == .update { try context.require(resource.module, .update) }
        let reader = try Self.read(csv)
        try Self.check(reader, resource: resource, mapping: mapping)
        let now = store.now()
        let dataImport = DataImport(organisationID: context.organisationID, userID: context.userID, resource: resource.rawValue,
                                    policy: policy, mappingJSON: try JSONValue.encodeToString(mapping),
                                    content: String(decoding: csv, as: UTF8.self), fileName: fileName, totalRows: reader.rows.count, at: now)
        dataImport.report = CSVWriter.byteOrderMark + CSVWriter.line(["line", "result", "reason"] + reader.header)
        return try await store.write { database in
            try await dataImport.create(on: database)
            try await Self.enqueue(dataImport, in: context, at: now, on: database)
            return dataImport
        }
    }

    /// Keeps an uploaded file without importing it, so the web page can ask how its columns map
    /// (`columns(of:)`) before `startStaged` queues it.
    public func stage(_ resource: ImportResource, csv: Data, fileName: String, by context: RequestContext) async throws -> DataImport {
        try context.require(resource.module, .create)
        let reader = try Self.read(csv)
        if reader.rows.count > Self.maximumRows { throw ValidationFailure([FieldError(field: "file", code: .tooLong)]) }
        let now = store.now()
        let dataImport = DataImport(organisationID: context.organisationID, userID: context.userID, resource: resource.rawValue,
                                    policy: .skip, mappingJSON: "{}", content: String(decoding: csv, as: UTF8.self), fileName: fileName,
                                    totalRows: reader.rows.count, at: now)
        dataImport.status = DataImport.Status.staged.rawValue
        dataImport.report = CSVWriter.byteOrderMark + CSVWriter.line(["line", "result", "reason"] + reader.header)
        try await store.write { database in try await dataImport.create(on: database) }
        return dataImport
    }

    /// A staged file's header, its first rows, and the field each column maps to by its title.
    public func columns(of dataImport: DataImport, preview: Int = 3) throws -> (header: [String], rows: [[String]], guessed: [Int: String]) {
        let reader = try Self.read(Data((dataImport.content ?? "").utf8))
        let resource = ImportResource(rawValue: dataImport.resource) ?? .contacts
        return (reader.header, Array(reader.rows.prefix(preview).map(\.fields)), resource.mapping(for: reader.header, explicit: [:]).columns)
    }

    /// Queues a staged import with the user's mapping (`header → field`, `""` to skip a column).
    public func startStaged(_ id: UUID, policy: DataImport.DuplicatePolicy, mapping: [String: String],
                            by context: RequestContext) async throws -> DataImport {
        let dataImport = try await find(id, in: context)
        guard dataImport.status == DataImport.Status.staged.rawValue, let resource = ImportResource(rawValue: dataImport.resource) else {
            throw SalesError.invalidTransition(field: "status", from: dataImport.status, to: DataImport.Status.queued.rawValue)
        }
        try context.require(resource.module, .create)
        if policy == .update { try context.require(resource.module, .update) }
        try Self.check(try Self.read(Data((dataImport.content ?? "").utf8)), resource: resource, mapping: mapping)
        let now = store.now()
        dataImport.status = DataImport.Status.queued.rawValue
        dataImport.duplicatePolicy = policy.rawValue
        dataImport.mappingJSON = try JSONValue.encodeToString(mapping)
        return try await store.write { database in
            try await dataImport.update(on: database)
            try await Self.enqueue(dataImport, in: context, at: now, on: database)
            return dataImport
        }
    }

    private static func read(_ csv: Data) throws -> CSVReader {
        do {
            return try CSVReader(csv)
        } catch .notUTF8 {
            throw ValidationFailure([FieldError(field: "file", code: .invalidCharacters)])
        } catch .empty {
            throw ValidationFailure([FieldError(field: "file", code: .required)])
        } catch {
            throw ValidationFailure([FieldError(field: "file", code: .invalidFormat)])
        }
    }

    /// Every problem with the file and the mapping at once.
    private static func check(_ reader: CSVReader, resource: ImportResource, mapping: [String: String]) throws {
        var validator = FieldValidator()
        let (columns, unknown) = resource.mapping(for: reader.header, explicit: mapping)
        if !unknown.isEmpty { validator.add("mapping", .unknownValue) }
        for field in resource.fields where field.isRequired && !columns.values.contains(field.name) {
            validator.add("columns.\(field.name)", .required)
        }
        if reader.rows.count > maximumRows { validator.add("file", .tooLong) }
        try validator.check()
    }

    private static func enqueue(_ dataImport: DataImport, in context: RequestContext, at now: Date, on database: any Database) async throws {
        let jobID = try await JobQueue.enqueue(kind: ImportJob.kind, payload: ImportJob.Payload(importID: dataImport.id!),
                                               organisationID: context.organisationID, dedupeKey: dataImport.id!.uuidString,
                                               maxAttempts: 3, at: now, on: database)
        dataImport.jobID = jobID
        try await dataImport.update(on: database)
    }

    /// An import of the organisation, seen by the user who started it and by administrators.
    public func find(_ id: UUID, in context: RequestContext) async throws -> DataImport {
        guard let dataImport = try await DataImport.query(on: store.database).scoped(to: context).filter(\.$id == id).first(),
              dataImport.userID == context.userID || context.isAdministrator
        else { throw PlatformError.notFound(recordType: "import") }
        return dataImport
    }
}

extension ImportResource {
    public var module: PermissionModule {
        switch self {
        case .accounts: .accounts
        case .contacts: .contacts
        case .leads: .leads
        case .opportunities: .opportunities
        case .activities: .activities
        case .products: .products
        }
    }
}

/// Imports one resource kept by a module that comes after Sales (activities), through the same
/// engine; that module makes it and the app hands it to `ImportJob`.
public struct ImportRunner: Sendable {
    let run: @Sendable (_ job: ImportJob, _ batch: ImportJob.Batch) async throws -> Void

    init<Target: ImportTarget>(_ makeTarget: @escaping @Sendable (Store) -> Target) {
        run = { job, batch in
            try await job.run(ImportEngine(target: makeTarget(batch.store), policy: batch.policy, context: batch.context, store: batch.store),
                              reader: batch.reader, columns: batch.columns, dataImport: batch.dataImport)
        }
    }
}

/// Runs an import: resumes after the last committed batch, so a retry never imports a row twice.
public struct ImportJob: JobHandler {
    public static let kind = "sales.import"

    public struct Payload: Codable, Sendable {
        public var importID: UUID
    }

    /// What a runner needs to import a file.
    struct Batch {
        let reader: CSVReader
        let columns: [Int: String]
        let dataImport: DataImport
        let policy: DataImport.DuplicatePolicy
        let context: RequestContext
        let store: Store
    }

    let laterModules: [ImportResource: ImportRunner]

    /// `laterModules`: the importers of resources kept by modules after Sales.
    public init(laterModules: [ImportResource: ImportRunner] = [:]) {
        self.laterModules = laterModules
    }

    public func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
        let payload = try job.decodePayload(as: Payload.self)
        do {
            try await importRows(payload, store: store, logger: logger)
        } catch {
            if job.attempt >= job.maxAttempts {
                // The job is about to be dead: say so on the import rather than leave it running.
                try await DataImport.query(on: store.database).filter(\.$id == payload.importID)
                    .set(\.$status, to: DataImport.Status.failed.rawValue).set(\.$finishedAt, to: store.now()).update()
            }
            throw error
        }
    }

    private func importRows(_ payload: Payload, store: Store, logger: Logger) async throws {
        guard let dataImport = try await DataImport.find(payload.importID, on: store.database),
              dataImport.status != DataImport.Status.completed.rawValue, let content = dataImport.content,
              let resource = ImportResource(rawValue: dataImport.resource)
        else { return }
        let context = try await RequestContext.load(userID: dataImport.userID, store: store, language: nil, requestID: "import-\(payload.importID)")
        try await DataImport.query(on: store.database).filter(\.$id == payload.importID)
            .set(\.$status, to: DataImport.Status.running.rawValue).update()
        let reader = try CSVReader(Data(content.utf8))
        let mapping = (try? JSONDecoder().decode([String: String].self, from: Data(dataImport.mappingJSON.utf8))) ?? [:]
        let columns = resource.mapping(for: reader.header, explicit: mapping).columns
        let policy = DataImport.DuplicatePolicy(rawValue: dataImport.duplicatePolicy) ?? .skip
        switch resource {
        case .accounts:
            try await run(ImportEngine(target: AccountImport(service: AccountService(store: store)), policy: policy, context: context, store: store),
                          reader: reader, columns: columns, dataImport: dataImport)
        case .contacts:
            try await run(ImportEngine(target: ContactImport(service: ContactService(store: store)), policy: policy, context: context, store: store),
                          reader: reader, columns: columns, dataImport: dataImport)
        case .leads:
            try await run(ImportEngine(target: LeadImport(service: LeadService(store: store)), policy: policy, context: context, store: store),
                          reader: reader, columns: columns, dataImport: dataImport)
        case .opportunities:
            try await run(ImportEngine(target: OpportunityImport(store: store), policy: policy, context: context, store: store),
                          reader: reader, columns: columns, dataImport: dataImport)
        case .products:
            try await run(ImportEngine(target: ProductImport(), policy: policy, context: context, store: store),
                          reader: reader, columns: columns, dataImport: dataImport)
        case .activities:
            guard let runner = laterModules[resource] else { throw ImportUnavailable(resource: resource) }
            try await runner.run(self, Batch(reader: reader, columns: columns, dataImport: dataImport, policy: policy, context: context, store: store))
        }
        try await DataImport.query(on: store.database).filter(\.$id == payload.importID)
            .set(\.$status, to: DataImport.Status.completed.rawValue).set(\.$finishedAt, to: store.now())
            .set(\.$content, to: nil).update()
        logger.info("import finished", metadata: ["import-id": "\(payload.importID)", "rows": "\(reader.rows.count)"])
    }

    func run<Target>(_ engine: ImportEngine<Target>, reader: CSVReader, columns: [Int: String], dataImport: DataImport) async throws {
        let memory = ImportEngine<Target>.FileMemory()
        var start = dataImport.processedRows
        while start < reader.rows.count {
            let end = min(start + ImportService.batchSize, reader.rows.count)
            try await engine.run(Array(reader.rows[start..<end]), columns: columns, memory: memory, dataImport: dataImport)
            start = end
        }
    }
}

/// An import of a resource whose module registered no importer (a wiring mistake, not bad input).
struct ImportUnavailable: Error, CustomStringConvertible {
    let resource: ImportResource
    var description: String { "no importer is registered for \(resource.rawValue)" }
}
