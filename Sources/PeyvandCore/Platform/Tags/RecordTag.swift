import FluentKit
import Foundation

/// One tag on one record of any module, so every list can filter by tag through an index.
/// The record keeps its tags for display too; this table is the lookup side.
public final class RecordTag: OrganisationScoped, @unchecked Sendable {
    public static let schema = "record_tags"
    public static var organisationKey: KeyPath<RecordTag, FieldProperty<RecordTag, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: UUID
    /// The normalised tag (`RecordTags.key`).
    @Field(key: "tag") public var tag: String

    public init() {}

    public init(organisationID: UUID, recordType: String, recordID: UUID, tag: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.recordType = recordType
        self.recordID = recordID
        self.tag = tag
    }
}

/// Reads and writes records' tags. Tags are free text (at most 20 per record, 50 characters
/// each); two spellings that normalise alike (`VIP`, `vip`, `مشتري` / `مشتری`) are one tag.
public enum RecordTags {
    public static let maximumCount = 20
    public static let maximumLength = 50

    public static func key(_ tag: String) -> String { PersianText.normalized(tag) }

    /// Trimmed, de-duplicated by key, in the order given; reports `field` when the input breaks a rule.
    public static func clean(_ tags: [String], field: String = "tags", into validator: inout FieldValidator) -> [String] {
        var seen = Set<String>(), cleaned: [String] = []
        for tag in tags {
            let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.count > maximumLength { validator.add(field, .invalidFormat); continue }
            if seen.insert(key(trimmed)).inserted { cleaned.append(trimmed) }
        }
        if cleaned.count > maximumCount { validator.add(field, .tooLong) }
        return cleaned
    }

    /// Makes the lookup rows of a record match `tags`; call in the record's write transaction.
    public static func replace(_ tags: [String], of recordType: String, _ recordID: UUID, organisationID: UUID,
                               on database: any Database) async throws {
        try await RecordTag.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$recordType == recordType).filter(\.$recordID == recordID).delete()
        for tag in Set(tags.map(key)) {
            try await RecordTag(organisationID: organisationID, recordType: recordType, recordID: recordID, tag: tag).create(on: database)
        }
    }
}
