import Foundation
import PeyvandCore
import Vapor

/// Reads query parameters, noting every bad one, so a list's 422 names them all at once.
struct QueryReader {
    let request: Request
    var validator = FieldValidator()

    init(_ request: Request) {
        self.request = request
    }

    /// A present parameter's text; text with U+0000 is refused (PostgreSQL cannot compare it).
    /// An empty value counts as absent, as an HTML form sends an unchosen filter (`province=`).
    mutating func string(_ name: String, max: Int = 200) -> String? {
        guard let raw = request.query[String.self, at: name], !raw.isEmpty else { return nil }
        if raw.contains("\u{0}") { validator.add(name, .invalidCharacters); return nil }
        if raw.count > max { validator.add(name, .tooLong); return nil }
        return raw
    }

    mutating func uuid(_ name: String) -> UUID? {
        guard let raw = string(name) else { return nil }
        guard let id = UUID(uuidString: raw) else { validator.add(name, .invalidUUID); return nil }
        return id
    }

    /// A day in either calendar and either digits, as stored (`2026-11-22`).
    mutating func day(_ name: String) -> String? {
        guard let raw = string(name, max: 20) else { return nil }
        guard let day = CalendarDay.parse(raw) else { validator.add(name, .invalidFormat); return nil }
        return day
    }

    mutating func int(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let raw = string(name) else { return nil }
        guard let value = Int(raw), range.contains(value) else { validator.add(name, .outOfRange); return nil }
        return value
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let raw = string(name) else { return nil }
        switch raw {
        case "true", "1": return true
        case "false", "0": return false
        default: validator.add(name, .mustBeBoolean); return nil
        }
    }

    mutating func oneOf<T: RawRepresentable>(_ name: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let raw = string(name) else { return nil }
        guard let value = T(rawValue: raw) else { validator.add(name, .unknownValue); return nil }
        return value
    }

    /// `limit` (1…200, default 50), `cursor` and `sort` (`created_at` / `-created_at`).
    mutating func page(newestFirst: Bool = true) -> PageRequest {
        var page = PageRequest(newestFirst: newestFirst)
        if let limit = int("limit", in: 1...PageRequest.maximumLimit) { page.limit = limit }
        if let raw = string("cursor", max: 1000) {
            do { page.cursor = try Cursor(encoded: raw) } catch { validator.add("cursor", .invalidFormat) }
        }
        if let sort = string("sort") {
            switch sort {
            case "created_at": page.newestFirst = false
            case "-created_at": page.newestFirst = true
            default: validator.add("sort", .unknownValue)
            }
        }
        return page
    }

    /// Ends reading: throws 422 with every parameter error collected so far.
    func finish() throws {
        try validator.check()
    }
}
