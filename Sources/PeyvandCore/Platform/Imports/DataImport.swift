import FluentKit
import Foundation

/// A CSV file being imported into one resource, with its progress and the rows it refused.
/// The file is kept until the import finishes, so a crashed job resumes where it stopped.
public final class DataImport: OrganisationScoped, @unchecked Sendable {
    public static let schema = "imports"
    public static var organisationKey: KeyPath<DataImport, FieldProperty<DataImport, UUID>> { \.$organisationID }

    public enum Status: String, Codable, CaseIterable, Sendable {
        /// Uploaded through the web page and waiting for the user to map its columns.
        case staged
        case queued, running, completed, failed
    }

    /// What to do with a row that matches an existing record.
    public enum DuplicatePolicy: String, Codable, CaseIterable, Sendable {
        case skip, update, create
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "resource") public var resource: String
    @Field(key: "status") public var status: String
    @Field(key: "duplicate_policy") public var duplicatePolicy: String
    /// `{"CSV header": "field"}` as JSON.
    @Field(key: "mapping") public var mappingJSON: String
    @OptionalField(key: "content") public var content: String?
    @Field(key: "file_name") public var fileName: String
    @Field(key: "total_rows") public var totalRows: Int
    @Field(key: "processed_rows") public var processedRows: Int
    @Field(key: "created_count") public var createdCount: Int
    @Field(key: "updated_count") public var updatedCount: Int
    @Field(key: "skipped_count") public var skippedCount: Int
    @Field(key: "failed_count") public var failedCount: Int
    /// The refused rows as CSV (line, reasons, then the row's own fields).
    @Field(key: "report") public var report: String
    @OptionalField(key: "job_id") public var jobID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public init(organisationID: UUID, userID: UUID, resource: String, policy: DuplicatePolicy, mappingJSON: String,
                content: String, fileName: String, totalRows: Int, at now: Date) {
        self.id = UUIDv7.make(at: now)
        self.organisationID = organisationID
        self.userID = userID
        self.resource = resource
        self.status = Status.queued.rawValue
        self.duplicatePolicy = policy.rawValue
        self.mappingJSON = mappingJSON
        self.content = content
        self.fileName = fileName
        self.totalRows = totalRows
        self.processedRows = 0
        self.createdCount = 0
        self.updatedCount = 0
        self.skippedCount = 0
        self.failedCount = 0
        self.report = ""
        self.createdAt = now
    }
}
