import Foundation
import PeyvandCore
import Vapor

extension PartyInput {
    /// `phones`, `emails`, `address` and `tags` of a body; absent parts stay nil (unchanged).
    static func read(from reader: inout FieldReader) -> PartyInput {
        PartyInput(
            phones: reader.nestedList("phones") { PartyInput.Phone(number: $0.string("number"), label: $0.string("label")) },
            emails: reader.nestedList("emails") { PartyInput.Email(address: $0.string("address"), label: $0.string("label")) },
            address: reader.nested("address") {
                PartyInput.Address(province: $0.string("province"), city: $0.string("city"), line: $0.string("line"),
                                   postalCode: $0.string("postal_code"))
            },
            tags: reader.strings("tags"))
    }
}

/// A list filter a resource accepts as a query parameter: plain equality on one column.
struct ListParameter {
    enum Value {
        case text
        case uuid
        case oneOf([String])
        /// A province slug, or its English or Persian name.
        case province
        /// `true`/`false` (or `1`/`0`) against a boolean column.
        case bool
        /// An ISO 4217 code in any case, compared upper-cased.
        case currency
        /// Free text compared without case, spacing or Persian spelling differences
        /// (`PersianText.compacted`), against a column holding the compacted form.
        case compacted
        /// One of a few named conditions (`sla=overdue`), each its own filter.
        case named([String: ListFilter])
    }

    var name: String
    var column: String
    var value: Value

    init(_ name: String, column: String? = nil, _ value: Value) {
        self.name = name
        self.column = column ?? name
        self.value = value
    }
}

enum SalesRequests {
    /// `limit`, `cursor`, `sort`, `q`, `owner_id`, `owner_team_id`, `tag`, `created_after`,
    /// `created_before`, plus the resource's own equality filters; every bad one is reported.
    static func listRequest<Record>(_ request: Request, _ list: RecordList<Record>, filters: [ListParameter]) throws -> ListRequest {
        var query = QueryReader(request)
        var listRequest = ListRequest()
        if let limit = query.int("limit", in: 1...PageRequest.maximumLimit) { listRequest.limit = limit }
        if let raw = query.string("cursor", max: 2000) {
            do { listRequest.cursor = try ListCursor(encoded: raw) } catch { query.validator.add("cursor", .invalidFormat) }
        }
        if let raw = query.string("sort") {
            let sort = ListSort(parsing: raw)
            if list.column(named: sort.field) == nil { query.validator.add("sort", .unknownValue) } else { listRequest.sort = sort }
        }
        listRequest.search = query.string("q")
        if let owner = query.uuid("owner_id") { listRequest.filters.append(.equals(column: "owner_user_id", value: owner)) }
        if let team = query.uuid("owner_team_id") { listRequest.filters.append(.equals(column: "owner_team_id", value: team)) }
        if let tag = query.string("tag", max: RecordTags.maximumLength) { listRequest.filters.append(.tagged(tag)) }
        if let after = query.string("created_after") {
            if let date = parseTimestamp(after) { listRequest.filters.append(.atLeast(column: "created_at", value: date)) }
            else { query.validator.add("created_after", .invalidFormat) }
        }
        if let before = query.string("created_before") {
            if let date = parseTimestamp(before) { listRequest.filters.append(.atMost(column: "created_at", value: date)) }
            else { query.validator.add("created_before", .invalidFormat) }
        }
        for parameter in filters {
            guard let raw = query.string(parameter.name) else { continue }
            switch parameter.value {
            case .text:
                listRequest.filters.append(.equals(column: parameter.column, value: raw))
            case .uuid:
                if let id = UUID(uuidString: raw) { listRequest.filters.append(.equals(column: parameter.column, value: id)) }
                else { query.validator.add(parameter.name, .invalidUUID) }
            case .oneOf(let allowed):
                if allowed.contains(raw) { listRequest.filters.append(.equals(column: parameter.column, value: raw)) }
                else { query.validator.add(parameter.name, .unknownValue) }
            case .province:
                if let province = IranianProvince.matching(raw) {
                    listRequest.filters.append(.equals(column: parameter.column, value: province.rawValue))
                } else { query.validator.add(parameter.name, .unknownValue) }
            case .bool:
                switch raw {
                case "true", "1": listRequest.filters.append(.equals(column: parameter.column, value: true))
                case "false", "0": listRequest.filters.append(.equals(column: parameter.column, value: false))
                default: query.validator.add(parameter.name, .mustBeBoolean)
                }
            case .currency:
                if let code = ProductInput.currencyCode(raw) { listRequest.filters.append(.equals(column: parameter.column, value: code)) }
                else { query.validator.add(parameter.name, .invalidFormat) }
            case .compacted:
                listRequest.filters.append(.equals(column: parameter.column, value: PersianText.compacted(raw)))
            case .named(let conditions):
                if let condition = conditions[raw] { listRequest.filters.append(condition) } else { query.validator.add(parameter.name, .unknownValue) }
            }
        }
        try query.finish()
        return listRequest
    }

    /// RFC 3339 (`2026-01-02T03:04:05Z`) or a plain day, in either calendar (start of that day, UTC).
    static func parseTimestamp(_ text: String) -> Date? {
        if let date = FieldReader.timestamp(text) { return date }
        guard let day = CalendarDay.parse(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: day)
    }

    /// `?allow_duplicate=true` saves even when likely duplicates exist.
    static func allowsDuplicate(_ request: Request) throws -> Bool {
        var query = QueryReader(request)
        let allowed = query.bool("allow_duplicate") ?? false
        try query.finish()
        return allowed
    }
}

extension ListBody {
    init<T>(_ page: ListPage<T>, _ transform: (T) throws -> Item) rethrows {
        self.data = try page.items.map(transform)
        self.nextCursor = page.nextCursor?.encoded
    }
}
