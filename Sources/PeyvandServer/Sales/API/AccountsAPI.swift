import PeyvandCore
import Vapor

/// `/accounts`: organisations the business deals with.
enum AccountsAPI {
    static func service(_ request: Request) -> AccountService { AccountService(store: request.store) }

    static let filters = [
        ListParameter("kind", .oneOf(Account.Kind.allCases.map(\.rawValue))),
        ListParameter("parent_id", .uuid),
        ListParameter("province", column: "address_province", .province),
        ListParameter("industry", .text),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let context = try request.actor
        let page = try await service(request).list(try SalesRequests.listRequest(request, AccountService.list, filters: filters), in: context)
        return try jsonResponse(ListBody(page) { AccountDTO($0, language: context.language) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let context = try request.actor
        let account = try await service(request).find(try idParameter(request), in: context)
        return try jsonResponse(AccountDTO(account, language: context.language), version: account.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let account = try await service(request).create(input, allowDuplicate: try SalesRequests.allowsDuplicate(request), by: context,
                                                        readProblems: reader.validator)
        return try jsonResponse(AccountDTO(account, language: context.language), status: .created, version: account.version,
                                location: "/api/v1/accounts/\(account.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let input = read(&reader)
        let account = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                        allowDuplicate: try SalesRequests.allowsDuplicate(request), by: context,
                                                        readProblems: reader.validator)
        return try jsonResponse(AccountDTO(account, language: context.language), version: account.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let context = try request.actor
        let account = try await service(request).restore(try idParameter(request), by: context)
        return try jsonResponse(AccountDTO(account, language: context.language), version: account.version)
    }

    /// `POST /accounts/{id}/merge` `{ source_id }`: folds the duplicate `source_id` into this record.
    @Sendable static func merge(_ request: Request) async throws -> Response {
        let context = try request.actor
        var reader = try FieldReader(request)
        let sourceID = reader.uuid("source_id")
        if sourceID == nil { reader.validator.add("source_id", .required) }
        try reader.finish()
        let merged = try await MergeService(store: request.store, moreReferences: ServiceModule.allMergeReferences).mergeAccount(sourceID!, into: try idParameter(request),
                                                                        expectedVersion: Versioning.expectedVersion(request), by: context)
        return try jsonResponse(AccountDTO(merged, language: context.language), version: merged.version)
    }

    static func read(_ reader: inout FieldReader) -> AccountInput {
        AccountInput(
            provided: reader.providedKeys, name: reader.string("name"), kind: reader.string("kind"), industry: reader.string("industry"),
            website: reader.string("website"), nationalID: reader.string("national_id"), economicCode: reader.string("economic_code"),
            parentID: reader.uuid("parent_id"), description: reader.string("description"), ownerUserID: reader.uuid("owner_id"),
            ownerTeamID: reader.uuid("owner_team_id"), party: PartyInput.read(from: &reader))
    }
}
