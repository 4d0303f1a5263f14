import Foundation
import SQLKit

/// A column a list may be sorted by. Values are compared with NULLs folded to a neutral value,
/// so every row has a place in the order and a cursor can point between any two rows.
public struct SortableColumn: Sendable {
    /// `uuid` sorts by a UUIDv7 column, i.e. by creation time (how `created_at` sorts).
    public enum Kind: Sendable { case text, integer, timestamp, uuid }

    /// The name clients use in `sort=` (and `-name` for descending).
    public let name: String
    public let column: String
    public let kind: Kind

    public init(_ name: String, column: String? = nil, kind: Kind) {
        self.name = name
        self.column = column ?? name
        self.kind = kind
    }
}

public struct ListSort: Sendable, Equatable {
    public var field: String
    public var descending: Bool

    public init(_ field: String, descending: Bool) {
        self.field = field
        self.descending = descending
    }

    /// `name` or `-name`.
    public init(parsing text: String) {
        self.init(text.hasPrefix("-") ? String(text.dropFirst()) : text, descending: text.hasPrefix("-"))
    }
}

/// A condition a list applies. Columns come from the resource's own whitelist, never from input.
public enum ListFilter: Sendable {
    case equals(column: String, value: any Encodable & Sendable)
    case oneOf(column: String, values: [any Encodable & Sendable])
    case isNull(column: String, Bool)
    case atLeast(column: String, value: any Encodable & Sendable)
    case atMost(column: String, value: any Encodable & Sendable)
    /// Records carrying the tag (see `RecordTags`).
    case tagged(String)
    /// Records meeting every condition of at least one group: `(a AND b) OR (c AND d)`.
    case anyOf([[ListFilter]])
}

/// What a business list asks for: filters, an optional search, a sort and a page.
public struct ListRequest: Sendable {
    public var limit: Int
    public var cursor: ListCursor?
    /// nil: by relevance when searching, else the resource's default order.
    public var sort: ListSort?
    public var search: String?
    public var filters: [ListFilter]

    public init(limit: Int = PageRequest.defaultLimit, cursor: ListCursor? = nil, sort: ListSort? = nil,
                search: String? = nil, filters: [ListFilter] = []) {
        self.limit = limit
        self.cursor = cursor
        self.sort = sort
        self.search = search
        self.filters = filters
    }
}

/// A position in a sorted list (the last row's sort value and id), or, for relevance-ranked
/// search results, how many rows were already shown.
public enum ListCursor: Sendable, Equatable {
    case after(value: JSONValue, id: UUID)
    case offset(Int)

    public var encoded: String {
        let payload: JSONValue = switch self {
        case .after(let value, let id): .object(["v": value, "id": .string(id.uuidString.lowercased())])
        case .offset(let offset): .object(["o": .int(Int64(offset))])
        }
        let json = (try? JSONValue.encodeToString(payload)) ?? "{}"
        return Data("v2:\(json)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a cursor a client sent back; anything else is a validation failure on `cursor`.
    public init(encoded: String) throws {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        let invalid = ValidationFailure([FieldError(field: "cursor", code: .invalidFormat)])
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8), text.hasPrefix("v2:"),
              let payload = try? JSONDecoder().decode(JSONValue.self, from: Data(text.dropFirst(3).utf8)),
              case .object(let object) = payload
        else { throw invalid }
        if case .int(let offset)? = object["o"], offset >= 0, offset <= 10_000 {
            self = .offset(Int(offset))
        } else if let value = object["v"], case .string(let idText)? = object["id"], let id = UUID(uuidString: idText) {
            self = .after(value: value, id: id)
        } else {
            throw invalid
        }
    }
}

/// One page of a business list.
public struct ListPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: ListCursor?

    public init(items: [Item], nextCursor: ListCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
