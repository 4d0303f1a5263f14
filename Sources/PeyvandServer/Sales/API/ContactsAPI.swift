import PeyvandCore
import Vapor

/// `/contacts`: people.
enum ContactsAPI {
    static func service(_ request: Request) -> ContactService { ContactService(store: request.store) }

    static let filters = [
        ListParameter("account_id", .uuid),
        ListParameter("gender", .oneOf(Contact.Gender.allCases.map(\.rawValue))),
        ListParameter("lead_source", .oneOf(Lead.Source.allCases.map(\.rawValue))),
        ListParameter("province", column: "address_province", .province),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).list(try SalesRequests.listRequest(request, ContactService.list, filters: filters), in: context)
        return try jsonResponse(ListBody(page) { ContactDTO($0, language: context.language) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let contact = try await service(request).find(try idParameter(request), in: context)
        return try jsonResponse(ContactDTO(contact, language: context.language), version: contact.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let contact = try await service(request).create(input, allowDuplicate: try SalesRequests.allowsDuplicate(request), by: context,
                                                        readProblems: reader.validator)
        return try jsonResponse(ContactDTO(contact, language: context.language), status: .created, version: contact.version,
                                location: "/api/v1/contacts/\(contact.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let contact = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                        allowDuplicate: try SalesRequests.allowsDuplicate(request), by: context,
                                                        readProblems: reader.validator)
        return try jsonResponse(ContactDTO(contact, language: context.language), version: contact.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let context = try request.actor
        let contact = try await service(request).restore(try idParameter(request), by: context)
        return try jsonResponse(ContactDTO(contact, language: context.language), version: contact.version)
    }

    /// `POST /contacts/{id}/merge` `{ source_id }`: folds the duplicate `source_id` into this record.
    @Sendable static func merge(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let sourceID = reader.uuid("source_id")
        if sourceID == nil { reader.validator.add("source_id", .required) }
        try reader.finish()
        let merged = try await MergeService(store: request.store, moreReferences: ServiceModule.allMergeReferences).mergeContact(sourceID!, into: try idParameter(request),
                                                                        expectedVersion: Versioning.expectedVersion(request), by: context)
        return try jsonResponse(ContactDTO(merged, language: context.language), version: merged.version)
    }

    static func read(_ reader: inout FieldReader) -> ContactInput {
        ContactInput(
            provided: reader.providedKeys, firstName: reader.string("first_name"), lastName: reader.string("last_name"),
            gender: reader.string("gender"), birthDate: reader.string("birth_date"), jobTitle: reader.string("job_title"),
            accountID: reader.uuid("account_id"), leadSource: reader.string("lead_source"), description: reader.string("description"),
            ownerUserID: reader.uuid("owner_id"), ownerTeamID: reader.uuid("owner_team_id"), party: PartyInput.read(from: &reader),
            preferences: reader.nested("preferences") {
                ContactInput.Preferences(provided: $0.providedKeys, optedOut: $0.strings("opted_out"),
                                         preferredChannel: $0.string("preferred_channel"), preferredTime: $0.string("preferred_time"),
                                         language: $0.string("language"))
            })
    }
}
