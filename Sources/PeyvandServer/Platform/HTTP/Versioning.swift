import PeyvandCore
import Vapor

/// ETag / If-Match: the record's `version` is its entity tag.
enum Versioning {
    static func etag(_ version: Int) -> String { "\"\(version)\"" }

    /// The version a client says it last read, or nil when it sent no `If-Match` or `*`
    /// (any current version: the record exists, or the request is already a 404).
    /// An unparseable value is treated as never matching.
    static func expectedVersion(_ request: Request) -> Int? {
        guard let raw = request.headers.first(name: .ifMatch)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty,
              raw != "*"
        else { return nil }
        let stripped = raw.hasPrefix("W/") ? String(raw.dropFirst(2)) : raw
        let unquoted = stripped.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return Int(unquoted) ?? -1
    }
}

/// A JSON response with the API's encoding, status and optional ETag/Location.
func jsonResponse(_ body: some Encodable, status: HTTPStatus = .ok, version: Int? = nil, location: String? = nil) throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .json
    if let version { headers.replaceOrAdd(name: .eTag, value: Versioning.etag(version)) }
    if let location { headers.replaceOrAdd(name: .location, value: location) }
    return Response(status: status, headers: headers, body: .init(data: try JSONCoding.encoder.encode(body)))
}

/// Query parameters every list accepts: `limit` (1…200, default 50), `cursor` and `sort`.
func pageRequest(_ request: Request, newestFirst: Bool = true) throws -> PageRequest {
    var query = QueryReader(request)
    let page = query.page(newestFirst: newestFirst)
    try query.finish()
    return page
}

/// A UUID path parameter; anything else cannot name a record, so it is "not found".
func idParameter(_ request: Request, _ name: String = "id") throws -> UUID {
    guard let raw = request.parameters.get(name), let id = UUID(uuidString: raw) else {
        throw PlatformError.notFound(recordType: "record")
    }
    return id
}

/// `{ "data": [...], "next_cursor": "…" | null }`.
struct ListBody<Item: Encodable>: Encodable {
    var data: [Item]
    var nextCursor: String?

    init<T>(_ page: Page<T>, _ transform: (T) throws -> Item) rethrows {
        self.data = try page.items.map(transform)
        self.nextCursor = page.nextCursor?.encoded
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(nextCursor, forKey: .nextCursor)  // explicit null, as API.md shows
    }

    enum CodingKeys: String, CodingKey {
        case data, nextCursor
    }
}
