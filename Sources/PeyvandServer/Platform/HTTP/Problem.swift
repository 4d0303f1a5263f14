import PeyvandCore
import Vapor

/// RFC 9457 problem details, the body of every error response.
struct Problem: Content {
    struct Field: Content {
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

    static let contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    init(_ code: ProblemCode, status: HTTPStatus, language: Language, detail: String? = nil, fieldErrors: [FieldError] = [], requestID: String?) {
        self.type = "urn:peyvand:problem:\(code.rawValue)"
        self.title = Messages.title(code, in: language)
        self.status = Int(status.code)
        self.detail = detail
        self.errors = fieldErrors.isEmpty ? nil : fieldErrors.map {
            Field(field: $0.field, code: $0.code.rawValue, message: Messages.field($0.code, in: language))
        }
        self.requestId = requestID
    }

    func response(status: HTTPStatus, headers extra: HTTPHeaders = [:]) -> Response {
        var headers = extra
        headers.contentType = Self.contentType
        let body = (try? JSONCoding.encoder.encode(self)) ?? Data()
        return Response(status: status, headers: headers, body: .init(data: body))
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
