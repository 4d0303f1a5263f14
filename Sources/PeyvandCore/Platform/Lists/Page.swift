import FluentKit
import Foundation

/// What a list asks for: at most `limit` items after `cursor`, newest or oldest first.
public struct PageRequest: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let maximumLimit = 200

    public var limit: Int
    public var cursor: Cursor?
    public var newestFirst: Bool

    public init(limit: Int = PageRequest.defaultLimit, cursor: Cursor? = nil, newestFirst: Bool = true) {
        self.limit = limit
        self.cursor = cursor
        self.newestFirst = newestFirst
    }
}

/// An opaque position in a list: the id of the last item seen. Ids are UUIDv7, so id order is
/// creation order and the position stays stable while rows are inserted.
public struct Cursor: Sendable, Equatable {
    public let afterID: UUID

    public init(afterID: UUID) { self.afterID = afterID }

    public var encoded: String {
        Data("v1:\(afterID.uuidString.lowercased())".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a cursor a client sent back; anything else is a validation failure on `cursor`.
    public init(encoded: String) throws {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
              let text = String(data: data, encoding: .utf8), text.hasPrefix("v1:"),
              let id = UUID(uuidString: String(text.dropFirst(3)))
        else { throw ValidationFailure([FieldError(field: "cursor", code: .invalidFormat)]) }
        self.afterID = id
    }
}

public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: Cursor?

    public init(items: [Item], nextCursor: Cursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    public func map<T>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), nextCursor: nextCursor)
    }
}

extension QueryBuilder where Model.IDValue == UUID {
    /// Keyset pagination on the id: one extra row is fetched to learn whether another page exists.
    public func page(_ request: PageRequest) async throws -> Page<Model> {
        let query = self.copy()
        if let cursor = request.cursor {
            query.filter(FieldKey.id, request.newestFirst ? .lessThan : .greaterThan, cursor.afterID)
        }
        let rows = try await query
            .sort(FieldKey.id, request.newestFirst ? .descending : .ascending)
            .limit(request.limit + 1)
            .all()
        let items = Array(rows.prefix(request.limit))
        let next = rows.count > request.limit ? items.last?.id.map(Cursor.init(afterID:)) : nil
        return Page(items: items, nextCursor: next)
    }
}
