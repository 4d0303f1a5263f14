import FluentKit
import Foundation

/// A list as one user likes to see it: a name, the list it belongs to and its query string
/// (`q=…&province=…&sort=-created_at`). Private to its user.
public final class SavedView: OrganisationScoped, @unchecked Sendable {
    public static let schema = "saved_views"
    public static var organisationKey: KeyPath<SavedView, FieldProperty<SavedView, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "resource") public var resource: String
    @Field(key: "name") public var name: String
    @Field(key: "query") public var query: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(organisationID: UUID, userID: UUID, resource: String, name: String, query: String, at now: Date) {
        self.id = UUIDv7.make(at: now)
        self.organisationID = organisationID
        self.userID = userID
        self.resource = resource
        self.name = name
        self.query = query
        self.createdAt = now
    }
}

/// Saves, lists and deletes the acting user's own list views.
public struct SavedViewService: Sendable {
    public let store: Store
    public static let maximumPerList = 30

    public init(store: Store) {
        self.store = store
    }

    public func list(_ resource: String, in context: RequestContext) async throws -> [SavedView] {
        try await SavedView.query(on: store.database).scoped(to: context).filter(\.$userID == context.userID)
            .filter(\.$resource == resource).sort(\.$name).limit(Self.maximumPerList).all()
    }

    /// Saves the view under `name`, replacing the user's view of that name on the same list.
    public func save(_ resource: String, name: String?, query: String, in context: RequestContext) async throws -> SavedView {
        var validator = FieldValidator()
        validator.text(name, "name", required: true, max: 100)
        validator.text(query, "query", required: false, max: 2000)
        try validator.check()
        let trimmed = name!.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = store.now()
        return try await store.write { database in
            try await SavedView.query(on: database).scoped(to: context).filter(\.$userID == context.userID)
                .filter(\.$resource == resource).filter(\.$name == trimmed).delete()
            let count = try await SavedView.query(on: database).scoped(to: context).filter(\.$userID == context.userID)
                .filter(\.$resource == resource).count()
            if count >= Self.maximumPerList { throw ValidationFailure([FieldError(field: "name", code: .tooLong)]) }
            let view = SavedView(organisationID: context.organisationID, userID: context.userID, resource: resource, name: trimmed,
                                 query: query, at: now)
            try await view.create(on: database)
            return view
        }
    }

    /// Deletes one of the user's own views; another user's view is "not found".
    public func delete(_ id: UUID, in context: RequestContext) async throws {
        let deleted = try await store.write { database in
            let view = try await SavedView.query(on: database).scoped(to: context).filter(\.$userID == context.userID)
                .filter(\.$id == id).first()
            try await view?.delete(on: database)
            return view != nil
        }
        if !deleted { throw PlatformError.notFound(recordType: "saved_view") }
    }
}
