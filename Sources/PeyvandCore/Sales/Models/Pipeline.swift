import FluentKit
import Foundation

/// A sales cycle: the ordered stages an opportunity moves through. Administrators define one per
/// product line (seed 001: "the stages of the sales cycle are configurable per product").
public final class Pipeline: OrganisationScoped, Auditable, @unchecked Sendable {
    public static let schema = "pipelines"
    public static let auditType = "pipeline"
    public static var organisationKey: KeyPath<Pipeline, FieldProperty<Pipeline, UUID>> { \.$organisationID }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "version") public var version: Int

    // data fields
    @Field(key: "name") public var name: String
    @OptionalField(key: "product_line") public var productLine: String?
    @Field(key: "is_active") public var isActive: Bool

    public init() {}

    public init(organisationID: UUID, name: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
        self.isActive = true
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        ["name": .string(name), "product_line": .from(productLine), "is_active": .bool(isActive)]
    }
}

/// One step of a pipeline, with the chance of winning at that step and whether reaching it
/// closes the opportunity as won or lost.
public final class PipelineStage: OrganisationScoped, @unchecked Sendable {
    public static let schema = "pipeline_stages"
    public static var organisationKey: KeyPath<PipelineStage, FieldProperty<PipelineStage, UUID>> { \.$organisationID }

    public enum Outcome: String, Codable, CaseIterable, Sendable {
        case open, won, lost
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "pipeline_id") public var pipelineID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "position") public var position: Int
    /// 0…100; won stages are 100 and lost stages 0.
    @Field(key: "probability") public var probability: Int
    @Field(key: "outcome") public var outcome: String

    public init() {}

    public init(organisationID: UUID, pipelineID: UUID, name: String, position: Int, probability: Int, outcome: Outcome) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.pipelineID = pipelineID
        self.name = name
        self.position = position
        self.probability = probability
        self.outcome = outcome.rawValue
    }
}
