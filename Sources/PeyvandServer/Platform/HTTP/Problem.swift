import PeyvandCore
import Vapor

/// RFC 9457 problem details, the body of every error response.
struct Problem: Encodable {
    struct Field: Encodable {
        var field: String
        var code: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String?
    var errors: [Field]?
    var requestId: String?
    /// Extension members (e.g. `duplicates`), written beside the standard ones.
    var extensions: [String: JSONValue] = [:]

    static let contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    init(_ code: ProblemCode, status: HTTPStatus, language: Language, detail: String? = nil, fieldErrors: [FieldError] = [],
         extensions: [String: JSONValue] = [:], requestID: String?) {
        self.type = "urn:peyvand:problem:\(code.rawValue)"
        self.title = Messages.title(code, in: language)
        self.status = Int(status.code)
        self.detail = detail
        self.errors = fieldErrors.isEmpty ? nil : fieldErrors.map {
            Field(field: $0.field, code: $0.code.rawValue, message: Messages.field($0.code, in: language))
        }
        self.requestId = requestID
        self.extensions = extensions
    }

    func response(status: HTTPStatus, headers extra: HTTPHeaders = [:]) -> Response {
        var headers = extra
        headers.contentType = Self.contentType
        let body = (try? JSONCoding.encoder.encode(self)) ?? Data()
        return Response(status: status, headers: headers, body: .init(data: body))
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in extensions { try container.encode(value, forKey: Key(name)) }
        try container.encode(type, forKey: Key("type"))
        try container.encode(title, forKey: Key("title"))
        try container.encode(status, forKey: Key("status"))
        try container.encodeIfPresent(detail, forKey: Key("detail"))
        try container.encodeIfPresent(errors, forKey: Key("errors"))
        try container.encodeIfPresent(requestId, forKey: Key("request_id"))
    }
}

/// The JSON style of the API: snake_case keys, RFC 3339 dates.
enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}

/// Errors raised at the HTTP edge itself (before a service is reached).
struct HTTPProblem: Error {
    var code: ProblemCode
    var status: HTTPStatus
    var fieldErrors: [FieldError] = []
    var headers: HTTPHeaders = [:]
}
